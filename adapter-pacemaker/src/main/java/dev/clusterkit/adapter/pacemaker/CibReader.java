package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads CIB XML (a whole {@code <cib>} or a {@code <resources>}/{@code <constraints>} fragment):
 * primitives with their instance attributes and operations, groups, colocation constraints (plain
 * and with resource sets) and {@code op_defaults}.
 */
final class CibReader {
  private CibReader() {}

  static boolean recognizes(SourceFile file) {
    String t = file.text();
    return file.fileName().endsWith(".xml") && (t.contains("<primitive") || t.contains("<cib") || t.contains("<rsc_colocation"));
  }

  static ClusterConfig read(SourceFile file) {
    ClusterConfig.Builder b = new ClusterConfig.Builder(file.path());
    Handler handler = new Handler(file, b);
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new InputSource(new StringReader(file.text())), handler);
    } catch (SAXParseException e) {
      b.problems.add(new ClusterConfig.Problem(
          file.at(Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0)), "not well-formed XML: " + e.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      b.problems.add(new ClusterConfig.Problem(Location.of(file.path()), "cannot read the XML: " + e.getMessage()));
    }
    return b.build();
  }

  private static final class Handler extends DefaultHandler {
    private final SourceFile file;
    private final ClusterConfig.Builder b;
    private final Deque<String> path = new ArrayDeque<>();
    private Locator locator;
    /** The primitive being read: id, agent, where, params, ops. */
    private String id;
    private String agent;
    private Location where;
    private Map<String, String> params;
    private List<ClusterConfig.Op> ops;
    private String group;
    private String colocationScore;
    private Location colocationWhere;
    private List<String> colocationSet;

    Handler(SourceFile file, ClusterConfig.Builder b) {
      this.file = file;
      this.b = b;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    private Location here() {
      return locator == null ? Location.of(file.path()) : file.at(Math.max(locator.getLineNumber(), 0));
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
      String parent = path.isEmpty() ? "" : path.peek();
      switch (qName) {
        case "group" -> group = attr(a, "id");
        case "primitive" -> {
          id = attr(a, "id");
          String cls = attr(a, "class");
          String provider = attr(a, "provider");
          agent = cls + ":" + (provider.isEmpty() ? "" : provider + ":") + attr(a, "type");
          where = here();
          params = new LinkedHashMap<>();
          ops = new ArrayList<>();
        }
        case "nvpair" -> {
          if (id != null && parent.equals("instance_attributes")) {
            params.put(attr(a, "name"), attr(a, "value"));
          } else if (path.contains("op_defaults") && attr(a, "name").equals("timeout")) {
            b.defaultTimeout = Optional.of(attr(a, "value"));
          }
        }
        case "op" -> {
          if (id != null) {
            ops.add(new ClusterConfig.Op(attr(a, "name"), optional(a, "interval"), optional(a, "timeout"), here()));
          }
        }
        case "rsc_colocation" -> {
          colocationScore = attr(a, "score");
          colocationWhere = here();
          colocationSet = new ArrayList<>();
          if (!attr(a, "rsc").isEmpty()) {
            colocationSet.add(attr(a, "rsc"));
            colocationSet.add(attr(a, "with-rsc"));
          }
        }
        case "resource_ref" -> {
          if (colocationSet != null) {
            colocationSet.add(attr(a, "id"));
          }
        }
        default -> {
          // Other elements do not matter to the rules.
        }
      }
      path.push(qName);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      path.pop();
      switch (qName) {
        case "primitive" -> {
          if (id != null) {
            b.primitives.add(new ClusterConfig.Primitive(id, agent, params, ops, where));
            if (group != null) {
              b.addToGroup(group, id, where);
            }
          }
          id = null;
        }
        case "group" -> group = null;
        case "rsc_colocation" -> {
          b.colocations.add(new ClusterConfig.Colocation(colocationSet, colocationScore, colocationWhere));
          colocationSet = null;
        }
        default -> {
          // nothing to close
        }
      }
    }

    private static String attr(Attributes a, String name) {
      String v = a.getValue(name);
      return v == null ? "" : v;
    }

    private static Optional<String> optional(Attributes a, String name) {
      return Optional.ofNullable(a.getValue(name));
    }
  }
}
