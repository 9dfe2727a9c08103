/**
 * Laying out a task graph for the Graph view, by size: data-pipeline graphs of 100, 300 and 1000
 * tasks (a root fanning out in layers, mostly tree-shaped, one task in six joining earlier
 * branches, and a finalizer; graph.fixture.ts `pipelineGraph`). Each is laid out by dagre and by
 * the layered layout, alternating, several times. Prints, per size, side by side:
 * - edges: AFTER edges, plus the layout-only edges from the leaves to the finalizer;
 * - dagre / layered: layoutStructure's time with each engine, median, and their ratio;
 * - used: the engine layoutStructure picks for that size (LAYERED_LAYOUT_FROM);
 * - crossings: pairs of drawn edges that cross, as straight lines between the nodes' handles, for
 *   each engine (a measure of how readable the picture is);
 * - drawing: the layout's width × height in pixels, for each engine.
 *
 * Run: npm run bench:graph-layout
 */
import { pipelineGraph } from '@/lib/domain/task-graph/graph.fixture';
import { LAYERED_LAYOUT_FROM, layoutEngineFor, layoutStructure, type LayoutEngine } from '@/lib/domain/task-graph/layout';
import { graphStructure, type GraphLayout, type GraphStructure } from '@/lib/domain/task-graph/structure';
import { median, ms } from './stats';

const SIZES = [100, 300, 1_000];
const RUNS = 5;
const ENGINES: LayoutEngine[] = ['dagre', 'layered'];

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Drawn edges as straight lines from the predecessor's right handle to the child's left one. */
function segments(structure: GraphStructure, layout: GraphLayout): Segment[] {
  return structure.edges
    .filter((edge) => edge.kind === 'after')
    .map(({ from, to }) => {
      const a = layout.nodes[from];
      const b = layout.nodes[to];
      return { x1: a.x + a.width, y1: a.y + a.height / 2, x2: b.x, y2: b.y + b.height / 2 };
    });
}

/** Which side of the line through p→q the point r is on. */
function side(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
}

/** Proper crossings only: segments that share an end (a task's fan-out) do not count. */
function crossings(lines: readonly Segment[]): number {
  let total = 0;
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    for (let j = i + 1; j < lines.length; j++) {
      const b = lines[j];
      if (Math.max(a.x1, b.x1) >= Math.min(a.x2, b.x2)) continue;
      const d1 = side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
      const d2 = side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
      const d3 = side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
      const d4 = side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
      if (d1 * d2 < 0 && d3 * d4 < 0) total += 1;
    }
  }
  return total;
}

interface Figures {
  times: number[];
  layout: GraphLayout;
}

const rows: string[] = [];
const ratios: string[] = [];
for (const size of SIZES) {
  const structure = graphStructure(pipelineGraph(size));
  const figures = new Map<LayoutEngine, Figures>(ENGINES.map((engine) => [engine, { times: [], layout: layoutStructure(structure, engine) }]));
  for (let run = 0; run < RUNS; run++) {
    for (const engine of ENGINES) {
      const start = performance.now();
      layoutStructure(structure, engine);
      (figures.get(engine) as Figures).times.push(performance.now() - start);
    }
  }
  const [dagre, layered] = ENGINES.map((engine) => figures.get(engine) as Figures);
  const drawing = ({ layout }: Figures) => `${Math.round(layout.width)} × ${Math.round(layout.height)}`;
  const after = structure.edges.filter((edge) => edge.kind === 'after').length;
  rows.push(
    `| ${size.toLocaleString('en-US')} | ${after} + ${structure.edges.length - after} | ${ms(median(dagre.times))} | ${ms(median(layered.times))} | ${(median(dagre.times) / median(layered.times)).toFixed(0)}× | ${layoutEngineFor(structure)} | ${crossings(segments(structure, dagre.layout))} / ${crossings(segments(structure, layered.layout))} | ${drawing(dagre)} / ${drawing(layered)} |`,
  );
  ratios.push(`${size.toLocaleString('en-US')}: dagre ${ms(median(dagre.times))}, layered ${ms(median(layered.times))}`);
}

console.log(`\nTask graph layout (pipeline graphs, ${RUNS} runs per engine, medians; layered from ${LAYERED_LAYOUT_FROM} tasks)\n`);
console.log('| tasks | edges (after + finalizer) | dagre | layered | dagre ÷ layered | used | crossings dagre / layered | drawing dagre / layered (px) |');
console.log('| ---: | ---: | ---: | ---: | ---: | :--- | ---: | ---: |');
for (const row of rows) console.log(row);
const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
console.log(`\n${large / small}× the tasks: ${ratios[0]} → ${ratios[ratios.length - 1]}`);
