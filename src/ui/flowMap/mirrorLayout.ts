import type { FlowMapLayout } from '../layoutFlowMap.ts';

/** The same drawing seen in a mirror, for right-to-left languages: the first branch on the right. */
export function mirrorLayout(layout: FlowMapLayout): FlowMapLayout {
  const { width } = layout;
  return {
    ...layout,
    nodes: layout.nodes.map((node) => ({ ...node, x: width - node.x - node.width })),
    edges: layout.edges.map((edge) => ({ ...edge, points: edge.points.map(({ x, y }) => ({ x: width - x, y })) })),
  };
}
