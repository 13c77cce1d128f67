package io.shizheng.org.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shizheng.org.Agency;

/** The flat agency list shaped as a tree (city, first-level agencies, district offices, units). */
record AgencyTree(List<Node> roots, int size) {

    record Node(Agency agency, List<Node> children) {
    }

    /** One agency as a choice in a select box, indented by its depth. */
    record Option(long id, String label, int depth) {
    }

    static AgencyTree of(List<Agency> agencies) {
        Map<Long, Agency> byId = new HashMap<>();
        agencies.forEach(a -> byId.put(a.id(), a));
        Map<Long, List<Agency>> children = new HashMap<>();
        List<Agency> roots = new ArrayList<>();
        for (Agency a : agencies) {
            if (a.parentId() == null || !byId.containsKey(a.parentId())) {
                roots.add(a);
            } else {
                children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
            }
        }
        return new AgencyTree(nodes(roots, children, new HashSet<>()), agencies.size());
    }

    private static List<Node> nodes(List<Agency> level, Map<Long, List<Agency>> children, Set<Long> seen) {
        List<Node> out = new ArrayList<>();
        for (Agency a : level) {
            if (seen.add(a.id())) {
                out.add(new Node(a, nodes(children.getOrDefault(a.id(), List.of()), children, seen)));
            }
        }
        return out;
    }

    /** Every agency in tree order, except those in {@code excluded} and below them. */
    List<Option> options(Collection<Long> excluded) {
        List<Option> out = new ArrayList<>();
        walk(roots, 0, excluded, out);
        return out;
    }

    private static void walk(List<Node> nodes, int depth, Collection<Long> excluded, List<Option> out) {
        for (Node n : nodes) {
            if (excluded.contains(n.agency().id())) {
                continue;
            }
            out.add(new Option(n.agency().id(), "\u3000".repeat(depth) + n.agency().name(), depth));
            walk(n.children(), depth + 1, excluded, out);
        }
    }
}
