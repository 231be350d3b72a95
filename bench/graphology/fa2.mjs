// fa2.mjs: run graphology-layout-forceatlas2 on a relmap dataset and print its time per iteration,
// for comparison with relmap's own layout (`relmap layout`). Used by bench/compare.sh.
//
// Usage: node [--expose-gc] fa2.mjs FILE.relmap.json ITERATIONS [THETA]
//
// - Every actor becomes a node at its saved `position` (run `relmap layout FILE --iterations 0
//   -o SEEDED` first, so both tools start from the same seeded positions), with size 13 (relmap's
//   node radius) and `fixed` when the actor is pinned.
// - Every tie becomes an undirected edge of weight = number of excerpts (at least 1, as in relmap).
//   Self-ties and ties to unknown actors are skipped, as relmap does. Parallel ties (several ties
//   between the same two actors) stay separate edges of a multi graph, as in relmap, where each
//   tie attracts on its own and counts in its endpoints' degree.
// - The settings follow relmap's defaults (src/layout/settings.rs); see SETTINGS below.
// - Only the layout call is timed, not reading the file or building the graph. That call also
//   copies the graph into graphology's typed arrays and writes the positions back.
//
// Prints one line:
//   graphology-fa2: K iterations in X s: Y ms per iteration (N nodes, E edges, theta T)

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { MultiUndirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** relmap's node radius (DEFAULT_NODE_RADIUS in src/layout/mod.rs), the unit of its forces. */
const NODE_RADIUS = 13;

function usage(message) {
  if (message) console.error(`fa2.mjs: ${message}`);
  console.error('usage: node fa2.mjs FILE.relmap.json ITERATIONS [THETA]');
  process.exit(2);
}

const [file, iterArg, thetaArg = '1.0'] = process.argv.slice(2);
if (!file || !iterArg || process.argv.length > 5) usage();
const iterations = Number(iterArg);
if (!Number.isInteger(iterations) || iterations < 1) usage(`ITERATIONS must be a positive integer, not '${iterArg}'`);
const theta = Number(thetaArg);
if (!Number.isFinite(theta) || theta < 0) usage(`THETA must be a number >= 0, not '${thetaArg}'`);

// relmap's defaults, translated:
// - relmap's repulsion is `scaling * L^2 * m_i m_j / d` with L the mean node radius (13 canvas
//   units) and scaling 1; graphology's is `scalingRatio * m_i m_j / d` in canvas units, so
//   scalingRatio = 1 * 13^2. Its attraction (`w * d`) and strong gravity (`gravity * m * d`) then
//   have the same strength as relmap's.
// - adjustSizes mirrors relmap's prevent_overlap, but it is not the same thing: with Barnes-Hut on,
//   graphology ignores node sizes in the repulsion; adjustSizes only shortens the attraction by the
//   sizes and switches to a capped, per-node speed (no global adaptive speed).
// - relmap's gravity pulls towards the centroid of the starting positions, graphology's towards
//   (0, 0); relmap's seeded positions are centred on (0, 0), so the two nearly agree.
// - Barnes-Hut: graphology takes a region as one body when 4 s^2 / d^2 < theta^2, where s is
//   half the region's width (below the top two levels of its tree); relmap when w / d < theta with
//   w the cell's width. The two tests agree, so the same theta means the same precision.
const SETTINGS = {
  linLogMode: false, // relmap linlog: false
  outboundAttractionDistribution: false, // relmap dissuade_hubs: false
  adjustSizes: true, // relmap prevent_overlap: true (see above)
  edgeWeightInfluence: 1, // relmap edge_weight_influence: 1
  scalingRatio: 1 * NODE_RADIUS * NODE_RADIUS, // relmap scaling: 1 (see above)
  strongGravityMode: true, // relmap strong_gravity: true
  gravity: 0.2, // relmap gravity: 0.2
  slowDown: 1, // relmap has none; 1 leaves graphology's speed as it is
  barnesHutOptimize: true,
  barnesHutTheta: theta, // relmap theta: 1.0
};

// Read the dataset and build the graph (not timed).
let data;
try {
  data = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`fa2.mjs: cannot read ${file}: ${e.message}`);
  process.exit(1);
}
const graph = new MultiUndirectedGraph();
for (const actor of data.actors ?? []) {
  const p = actor.position;
  if (!Array.isArray(p) || p.length !== 2 || !p.every(Number.isFinite)) {
    console.error(
      `fa2.mjs: actor '${actor.id}' has no position; seed positions first with ` +
        `'relmap layout ${file} --iterations 0 -o SEEDED'`,
    );
    process.exit(1);
  }
  graph.addNode(actor.id, { x: p[0], y: p[1], size: NODE_RADIUS, fixed: actor.pinned === true });
}
let skipped = 0;
for (const tie of data.ties ?? []) {
  if (tie.from === tie.to || !graph.hasNode(tie.from) || !graph.hasNode(tie.to)) {
    skipped += 1;
    continue;
  }
  graph.addEdge(tie.from, tie.to, { weight: Math.max(1, tie.excerpts?.length ?? 0) });
}
data = null; // let the parsed JSON go before the timed part
// With `node --expose-gc` (as compare.sh runs it), collect it now, so that freeing the parsed
// file (hundreds of MB at 100k actors) is not counted in the layout's time.
if (typeof globalThis.gc === 'function') globalThis.gc();

// The timed part: exactly `iterations` synchronous iterations.
const started = performance.now();
forceAtlas2.assign(graph, { iterations, getEdgeWeight: 'weight', settings: SETTINGS });
const seconds = (performance.now() - started) / 1000;

// A sanity check, so a broken run does not pass for a fast one.
let broken = 0;
graph.forEachNode((_, a) => {
  if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) broken += 1;
});
if (broken > 0) console.error(`fa2.mjs: warning: ${broken} nodes ended at a non-finite position`);
if (skipped > 0) console.error(`fa2.mjs: skipped ${skipped} self-ties or ties to unknown actors`);

const perIteration = (seconds * 1000) / iterations;
const thetaText = Number.isInteger(theta) ? theta.toFixed(1) : String(theta);
console.log(
  `graphology-fa2: ${iterations} iterations in ${seconds.toFixed(3)} s: ` +
    `${perIteration.toFixed(2)} ms per iteration ` +
    `(${graph.order} nodes, ${graph.size} edges, theta ${thetaText})`,
);
