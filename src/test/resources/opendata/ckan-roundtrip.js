// Round trip through the npm package `ckan` (ckan.js by the Open Knowledge Foundation), a CKAN client nobody
// here wrote: create, show, search, patch and an anonymous write that must be refused. Prints one JSON line.
const CKAN = require('ckan');

const [endpoint, apiKey, name] = process.argv.slice(2);
const client = new CKAN.Client(endpoint, apiKey);
const anonymous = new CKAN.Client(endpoint);

function call(c, action, data) {
  return new Promise((resolve, reject) => {
    c.action(action, data, (err, out) => (err ? reject(new Error(String(err))) : resolve(out)));
  });
}

(async () => {
  const created = await call(client, 'package_create', {
    name,
    title: '臺中市公車路線（ckan.js 建立）',
    notes: 'Bus routes created through ckan.js',
    owner_org: 'trans',
    tags: [{ name: '公車' }, { name: 'ckanjs' }],
    extras: [{ key: '更新頻率', value: '每月' }, { key: '服務分類', value: '交通及通訊' }],
    resources: [{ name: '路線表', url: 'http://127.0.0.1:9/routes.csv', format: 'CSV' }]
  });
  const shown = await call(anonymous, 'package_show', { id: name });
  const found = await call(anonymous, 'package_search', { q: '公車', fq: 'tags:ckanjs', rows: 100,
    'facet.field': '["organization"]' });
  const patched = await call(client, 'package_patch', { id: name, notes: 'patched by ckan.js' });
  let refused = '';
  try {
    await call(anonymous, 'package_create', { name: name + '-anon', owner_org: 'trans' });
  } catch (e) {
    refused = e.message;
  }
  const extras = {};
  shown.result.extras.forEach((e) => { extras[e.key] = e.value; });
  console.log(JSON.stringify({
    created: created.success && created.result.name,
    id: created.result.id,
    shownTitle: shown.result.title,
    frequency: extras.update_frequency,
    category: extras.category,
    resources: shown.result.num_resources,
    searchCount: found.result.count,
    searchHit: found.result.results.some((r) => r.name === name),
    orgFacet: Object.keys(found.result.facets.organization || {}),
    patchedNotes: patched.result.notes,
    refused
  }));
})().catch((e) => {
  console.error('ckan.js round trip failed: ' + e.message);
  process.exit(1);
});
