"""Checks relmap's files with readers relmap did not write: networkx reads relmap's GEXF and
GraphML of the sample map, relmap reads the GEXF and GraphML that networkx writes of graphs it
builds itself, and the followthemoney package accepts every entity relmap writes.

Run by tests/integration/interop_python.rs: python3 check_readers.py RELMAP WORKDIR
"""

import json
import os
import subprocess
import sys

import networkx as nx
from followthemoney import model

RELMAP, WORK = sys.argv[1], sys.argv[2]


def relmap(*args):
    done = subprocess.run([RELMAP, *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"relmap {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done


def path(name):
    return os.path.join(WORK, name)


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)


relmap("sample", "-o", path("sample.relmap.json"))
with open(path("sample.relmap.json"), encoding="utf-8") as f:
    sample = json.load(f)
names = {a["id"]: a["name"] for a in sample["actors"]}
excerpts = {t["id"]: t["excerpts"] for t in sample["ties"]}
titles = {s["id"]: s["title"] for s in sample["sources"]}

# networkx reads relmap's GEXF and GraphML of the sample.
relmap("convert", path("sample.relmap.json"), path("sample.gexf"))
relmap("convert", path("sample.relmap.json"), path("sample.graphml"))
for name, graph in [
    ("GEXF", nx.read_gexf(path("sample.gexf"), version="1.3")),
    ("GraphML", nx.read_graphml(path("sample.graphml"), force_multigraph=True)),
]:
    check(graph.number_of_nodes() == len(names), f"{name}: {graph.number_of_nodes()} nodes")
    check(graph.number_of_edges() == len(excerpts), f"{name}: {graph.number_of_edges()} edges")
    labels = {n: d.get("label") for n, d in graph.nodes(data=True)}
    check(labels == names, f"{name}: the labels differ: {labels}")
    for a, b, key, data in graph.edges(keys=True, data=True):
        check("excerpts" in data, f"{name}: edge {key} has no excerpts attribute")
        read = json.loads(data["excerpts"])
        for x in read:
            article = x.pop("article", None)
            check(
                article is not None and article["title"] == titles[x["source"]],
                f"{name}: an excerpt of {key} lacks its article",
            )
        check(read == excerpts[key], f"{name}: the excerpts of {key} differ")
    print(f"ok: networkx reads relmap's {name}: {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges, labels and excerpts with their articles")

# The map goes through networkx and back, as it would through Gephi: networkx writes a GEXF
# of its own, without relmap's list of articles, and relmap makes the articles again from
# what each quote carries.
nx.write_gexf(nx.read_gexf(path("sample.gexf"), version="1.3"), path("rewritten.gexf"))
relmap("convert", path("rewritten.gexf"), path("rewritten.relmap.json"))
with open(path("rewritten.relmap.json"), encoding="utf-8") as f:
    back = json.load(f)
back_sources = {s["id"]: s for s in back["sources"]}
for tie in back["ties"]:
    check(len(tie["excerpts"]) == len(excerpts[tie["id"]]), f"rewritten: {tie['id']} lost quotes")
    for x, was in zip(tie["excerpts"], excerpts[tie["id"]]):
        source = back_sources[x["source"]]
        check(x["source"] == was["source"], f"rewritten: {tie['id']} changed article")
        check(source["title"] == titles[was["source"]], f"rewritten: {x['source']} lost its title")
        quoted = source["text"].encode()[x["start"]:x["end"]].decode()  # offsets are UTF-8 bytes
        check(quoted == x["quote"] == was["quote"],
              f"rewritten: a quote of {tie['id']} is not where its offsets say")
print(f"ok: relmap reads networkx's rewrite of its GEXF: {len(back['ties'])} ties, "
      f"every quote in its article again (articles: {len(back_sources)})")

# relmap reads what networkx writes of graphs it builds itself. In GraphML, networkx writes
# the key of a multigraph's edge as its id, counted from 0 for each pair of nodes.
multi = nx.MultiDiGraph()
multi.add_edges_from([(1, 2), (1, 2), (2, 1), (2, 3), (3, 3), (3, 3)])
for title, graph in [
    ("karate", nx.karate_club_graph()),
    ("lesmis", nx.les_miserables_graph()),
    ("multi", multi),
]:
    for extension, write in [
        ("gexf", lambda g, p: nx.write_gexf(g, p)),
        ("13.gexf", lambda g, p: nx.write_gexf(g, p, version="1.3")),
        ("graphml", lambda g, p: nx.write_graphml(g, p)),
    ]:
        written = path(f"{title}.{extension}")
        write(graph, written)
        out = path(f"{title}-{extension}.relmap.json")
        done = relmap("convert", written, out)
        with open(out, encoding="utf-8") as f:
            back = json.load(f)
        actors = {a["id"]: a["name"] for a in back["actors"]}
        check(len(actors) == graph.number_of_nodes(), f"{written}: {len(actors)} actors")
        check(len(back["ties"]) == graph.number_of_edges(), f"{written}: {len(back['ties'])} ties")
        check(
            set(actors.values()) == {str(n) for n in graph.nodes},
            f"{written}: the names differ",
        )
        ends = {(t["from"], t["to"]) for t in back["ties"]}
        for a, b, *_ in graph.edges:
            check(
                (str(a), str(b)) in ends or (str(b), str(a)) in ends,
                f"{written}: the edge {a} - {b} is missing",
            )
        if title == "karate":
            check("'club' is not kept" in done.stderr, f"{written}: no word of 'club':\n{done.stderr}")
        print(f"ok: relmap reads networkx's {written}: {len(actors)} actors, {len(back['ties'])} ties")

# followthemoney accepts every entity relmap writes.
relmap("convert", path("sample.relmap.json"), path("sample.ftm.json"))
with open(path("sample.ftm.json"), encoding="utf-8") as f:
    entities = [json.loads(line) for line in f if line.strip()]
by_id = {e["id"]: e for e in entities}
check(len(by_id) == len(entities), "entity ids are not unique")
schemata = {}
for e in entities:
    schema = model.get(e["schema"])
    check(schema is not None, f"{e['id']}: unknown schema {e['schema']}")
    check(not schema.abstract, f"{e['id']}: the schema {e['schema']} is abstract")
    for prop_name, values in e["properties"].items():
        prop = schema.get(prop_name)
        check(prop is not None, f"{e['id']}: {e['schema']} has no property {prop_name}")
        for value in values:
            check(
                prop.type.clean(value, proxy=None) is not None if prop.type.name != "entity" else True,
                f"{e['id']}: {prop_name} = {value!r} is not a valid {prop.type.name}",
            )
            if prop.type.name == "entity":
                check(value in by_id, f"{e['id']}: {prop_name} points at {value}, not in the file")
                target = model.get(by_id[value]["schema"])
                check(
                    target.is_a(prop.range),
                    f"{e['id']}: {prop_name} points at a {target.name}, not a {prop.range.name}",
                )
    proxy = model.get_proxy(e, cleaned=False)
    check(proxy.schema.name == e["schema"], f"{e['id']}: the proxy is a {proxy.schema.name}")
    schemata[e["schema"]] = schemata.get(e["schema"], 0) + 1
quotes = sum(len(x) for x in excerpts.values())
check(schemata.get("Documentation") == quotes, f"{schemata.get('Documentation')} Documentation entities for {quotes} excerpts")
print(f"ok: followthemoney accepts all {len(entities)} entities: {dict(sorted(schemata.items()))}")
print("all checks passed")
