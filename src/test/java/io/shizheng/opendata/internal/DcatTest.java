package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The DCAT-AP catalogue parsed back by an RDF library (Apache Jena), in Turtle and in JSON-LD. */
@IntegrationTest
class DcatTest {

    static final String DCAT = "http://www.w3.org/ns/dcat#";

    @LocalServerPort int port;

    private Model parse(String path, Lang lang) {
        var r = Http.anonymous(port).get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(r.body())).lang(lang).parse(m);
        return m;
    }

    @Test
    void turtleAndJsonLdDescribeTheSamePublicCatalogue() {
        int published = Ckan.anonymous(port).get("package_list", null).result().size();
        for (Lang lang : new Lang[] {Lang.TURTLE, Lang.JSONLD}) {
            Model m = parse(lang == Lang.TURTLE ? "/catalog.ttl" : "/catalog.jsonld", lang);
            Resource catalogType = m.createResource(DCAT + "Catalog");
            Resource datasetType = m.createResource(DCAT + "Dataset");
            Property dataset = m.createProperty(DCAT, "dataset");
            Property distribution = m.createProperty(DCAT, "distribution");
            Property accessUrl = m.createProperty(DCAT, "accessURL");
            var catalogs = m.listSubjectsWithProperty(RDF.type, catalogType).toList();
            assertThat(catalogs).hasSize(1);
            Resource catalog = catalogs.get(0);
            assertThat(catalog.hasProperty(DCTerms.title)).isTrue();
            assertThat(catalog.hasProperty(DCTerms.description)).isTrue();
            assertThat(catalog.hasProperty(DCTerms.publisher)).isTrue();
            // The catalogue may have grown between the two calls through other tests; never shrunk below this.
            assertThat(m.listObjectsOfProperty(catalog, dataset).toList().size()).as(lang.getName()).isGreaterThanOrEqualTo(published);
            var datasets = m.listSubjectsWithProperty(RDF.type, datasetType).toList();
            assertThat(datasets.size()).isGreaterThanOrEqualTo(published);
            for (Resource d : datasets) {
                assertThat(d.hasProperty(DCTerms.title)).as(d.getURI()).isTrue();
                assertThat(d.hasProperty(DCTerms.description)).as(d.getURI()).isTrue();
                d.listProperties(distribution).forEachRemaining(s ->
                        assertThat(s.getObject().asResource().hasProperty(accessUrl)).isTrue());
            }
            assertThat(m.listObjectsOfProperty(m.createProperty("http://www.w3.org/ns/dcat#", "keyword")).toList().toString())
                    .as("Chinese keywords survive").contains("公車");
        }
    }
}
