"""`nncli explain gnn`."""

import re

import click

from nncli.explain.common import Size, common_options, explain

MAX_NODES = 200
EDGE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def parse_edges(text: str, nodes):
    """ "0-1, 1-2" -> ([(0, 1), (1, 2)], node count). A UsageProblem (one line) for text that
    is not a list of i-j pairs, for a self-loop, or for a node number ≥ --nodes."""
    from nncli.errors import UsageProblem

    items = [item for item in text.split(",")]
    if not text.strip():
        raise UsageProblem.of("edges.none")
    edges = set()
    for item in items:
        match = EDGE.match(item)
        if not match:
            raise UsageProblem.of("edges.not_edge", item=item.strip())
        i, j = int(match.group(1)), int(match.group(2))
        if i == j:
            raise UsageProblem.of("edges.self_loop", item=item.strip(), node=i)
        edges.add((min(i, j), max(i, j)))
    highest = max(j for _, j in edges)
    if nodes is None:
        nodes = highest + 1
    elif highest >= nodes:
        raise UsageProblem.of("edges.missing_node", node=highest, nodes=nodes, last=nodes - 1)
    if nodes > MAX_NODES:
        raise UsageProblem.of("edges.too_many", node=highest, nodes=nodes, most=MAX_NODES)
    return sorted(edges), nodes


@click.command(name="gnn")
@click.option("--edges", "edges_text", metavar="LIST",
              help='Undirected edges, e.g. "0-1,1-2,2-3" (nodes numbered from 0; no self-loops).'
                   " Default: a random connected graph drawn with --seed.")
@click.option("--nodes", type=Size(1, MAX_NODES, "count"), default=None,
              help="Number of nodes (default: 5, or the highest node in --edges + 1).")
@click.option("--features", type=Size(1, 16, "units"), default=2, show_default=True,
              help="Features per node (columns of X).")
@click.option("--out-features", type=Size(1, 16, "units"), default=2, show_default=True,
              help="Features per node after the layer (columns of W).")
@common_options
def command(edges_text, nodes, features, out_features, **common):
    """One graph-convolution layer, ReLU(D^−½(A+I)D^−½·X·W) (Kipf and Welling): self-loops,
    degrees, the normalised adjacency, message passing node by node, then × W and ReLU.
    X and W are small random integers (−2 … 2) drawn with --seed."""
    from nncli.builders.gnn import adjacency, build_gnn, random_graph
    import numpy as np

    seed = common["seed"]
    if edges_text is not None:
        edges, nodes = parse_edges(edges_text, nodes)
    else:
        nodes = nodes or 5
        edges = random_graph(seed, nodes)
    A = adjacency(edges, nodes)
    rng = np.random.default_rng(seed)   # one stream: X first, then W
    X = rng.integers(-2, 3, size=(nodes, features)).astype(np.float64)
    W = rng.integers(-2, 3, size=(features, out_features)).astype(np.float64)
    explain("gnn", lambda ctx: build_gnn(A, X, W, ctx), common)
