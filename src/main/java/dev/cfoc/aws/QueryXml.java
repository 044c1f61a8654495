package dev.cfoc.aws;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the XML answers of Query-protocol APIs: EC2 lists items as {@code <item>}, ELBv2 as {@code <member>}; names
 * are matched by local name, whatever the namespace. No DTDs, no external entities.
 */
final class QueryXml {

    private QueryXml() {
    }

    static Element parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the answer is not XML: " + e.getMessage(), e);
        }
    }

    /** The first child element of {@code parent} named {@code name}. */
    static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The items of the list element {@code list} under {@code parent} (its item or member children). */
    static List<Element> items(Element parent, String list) {
        List<Element> items = new ArrayList<>();
        child(parent, list).ifPresent(container -> {
            for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && ("item".equals(localName(e)) || "member".equals(localName(e)))) {
                    items.add(e);
                }
            }
        });
        return items;
    }

    /** The text of the child {@code name}, when present and not blank. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The text of the first element named {@code name} anywhere under {@code root} (error codes and messages). */
    static Optional<String> find(Element root, String name) {
        if (name.equals(localName(root))) {
            return Optional.of(root.getTextContent().strip());
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Optional<String> found = find(e, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
