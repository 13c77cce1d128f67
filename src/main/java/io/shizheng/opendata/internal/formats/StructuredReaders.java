package io.shizheng.opendata.internal.formats;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import io.shizheng.opendata.internal.TableReader;

/**
 * Tabular JSON (an array of flat objects, or {"records":[...]}) and XML (a root holding one element per row whose
 * children are the fields) read as rows, streaming: the first row returned is the header.
 */
public final class StructuredReaders {

    private StructuredReaders() {
    }

    public static TableReader json(Reader in) throws IOException {
        return new JsonRows(in);
    }

    public static TableReader xml(Reader in) throws IOException {
        return new XmlRows(in);
    }

    private static final class JsonRows implements TableReader {
        private final JsonParser p;
        private List<String> header;
        private Map<String, String> pending;
        private boolean headerSent;
        private long line;

        JsonRows(Reader in) throws IOException {
            try {
                p = new JsonFactory().createParser(ObjectReadContext.empty(), in);
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    // {"records": [...]} or {"result": {"records": [...]}}, as many portals wrap them
                    while ((t = p.nextToken()) != null && t != JsonToken.START_ARRAY) {
                        if (t == JsonToken.END_OBJECT && p.streamReadContext().inRoot()) {
                            break;
                        }
                    }
                }
                if (t != JsonToken.START_ARRAY) {
                    throw new IOException("JSON 須為物件陣列 / JSON must be an array of objects");
                }
                pending = readObject();
                header = pending == null ? List.of() : new ArrayList<>(pending.keySet());
            } catch (JacksonException e) {
                throw new IOException("JSON 格式錯誤 / malformed JSON: " + e.getOriginalMessage(), e);
            }
        }

        private Map<String, String> readObject() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.END_ARRAY) {
                return null;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new IOException("JSON 陣列元素須為物件 / each array element must be an object");
            }
            line = p.currentLocation().getLineNr();
            Map<String, String> row = new LinkedHashMap<>();
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                String name = p.currentName();
                t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    row.put(name, "");
                } else {
                    row.put(name, t == JsonToken.VALUE_NULL ? "" : p.getString());
                }
            }
            return row;
        }

        @Override
        public List<String> next() throws IOException {
            try {
                if (!headerSent) {
                    headerSent = true;
                    return header.isEmpty() ? null : header;
                }
                Map<String, String> row = pending != null ? pending : readObject();
                pending = null;
                if (row == null) {
                    return null;
                }
                return inHeaderOrder(header, row);
            } catch (JacksonException e) {
                throw new IOException("JSON 格式錯誤 / malformed JSON: " + e.getOriginalMessage(), e);
            }
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() {
            p.close();
        }
    }

    private static final class XmlRows implements TableReader {
        private final XMLStreamReader x;
        private final Reader in;
        private List<String> header;
        private List<String> first;
        private boolean headerSent;
        private long line;

        XmlRows(Reader in) throws IOException {
            this.in = in;
            try {
                XMLInputFactory f = XMLInputFactory.newFactory();
                f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
                f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                x = f.createXMLStreamReader(in);
                while (x.hasNext() && x.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip prolog up to the root element
                }
                Map<String, String> row = readRow();
                header = row == null ? List.of() : new ArrayList<>(row.keySet());
                first = row == null ? null : new ArrayList<>(row.values());
            } catch (XMLStreamException | RuntimeException e) {
                // The JDK's StAX parser fails on some malformed DTDs with unchecked exceptions of its own (a
                // MissingResourceException while formatting its message): malformed all the same.
                throw new IOException("XML 格式錯誤 / malformed XML: " + e.getMessage(), e);
            }
        }

        private Map<String, String> readRow() throws XMLStreamException {
            int depth = 0;
            Map<String, String> row = null;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (x.hasNext()) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        row = new LinkedHashMap<>();
                        line = x.getLocation().getLineNumber();
                    } else if (depth == 2) {
                        field = x.getLocalName();
                        text.setLength(0);
                    }
                } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                    if (depth == 2) {
                        text.append(x.getText());
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && row != null) {
                        row.put(field, text.toString());
                    }
                    depth--;
                    if (depth == 0 && row != null) {
                        return row;
                    }
                    if (depth < 0) {
                        return null;
                    }
                }
            }
            return null;
        }

        @Override
        public List<String> next() throws IOException {
            if (!headerSent) {
                headerSent = true;
                return header.isEmpty() ? null : header;
            }
            if (first != null) {
                List<String> r = first;
                first = null;
                return r;
            }
            try {
                Map<String, String> row = readRow();
                if (row == null) {
                    return null;
                }
                return inHeaderOrder(header, row);
            } catch (XMLStreamException | RuntimeException e) {
                // The JDK's StAX parser fails on some malformed DTDs with unchecked exceptions of its own (a
                // MissingResourceException while formatting its message): malformed all the same.
                throw new IOException("XML 格式錯誤 / malformed XML: " + e.getMessage(), e);
            }
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            try {
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            in.close();
        }
    }

    /** A row's cells in the header's order, then the keys the header does not name (a ragged JSON or XML file). */
    private static List<String> inHeaderOrder(List<String> header, Map<String, String> row) {
        List<String> cells = new ArrayList<>(header.size());
        for (String h : header) {
            cells.add(row.getOrDefault(h, ""));
        }
        for (String k : row.keySet()) {
            if (!header.contains(k)) {
                cells.add(row.get(k));
            }
        }
        return cells;
    }
}
