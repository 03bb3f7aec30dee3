"""English texts of the `gnn` topic."""

TEXTS = {
    "summary": "Graph convolution: each node adds up itself and its neighbours with weights 1/√(dᵢdⱼ), then × W and ReLU.",
    "title": "Graph convolution (Kipf and Welling): {V} {V:node|nodes}, {E} {E:edge|edges}, {F} → {Fo} {Fo:feature|features}",
    "graph.title": "The graph and its node features",
    "graph.text": (
        "A graph is a set of nodes joined by edges: people and friendships, atoms and bonds, "
        "papers and citations. This one has {V} {V:node|nodes} and {E} undirected {E:edge|edges}. Each node "
        "carries a row of {F} {F:feature|features}; stacked, the rows make the matrix X, one row per node."
    ),
    "graph.more": "… and {count} more {count:node|nodes} (--json gives all of them).",
    "graph.grid": (
        "An image is a special graph: every pixel is a node joined to its neighbours on a "
        "grid, and a convolution mixes each pixel with its neighbours. A general graph has no "
        "grid: a node may have one neighbour or a hundred, and there is no \"left\" or \"up\". "
        "The graph convolution below keeps the idea, mixing each node with its neighbours, "
        "with weights set by how many neighbours each has."
    ),
    "col.node": "node",
    "col.neighbours": "neighbours",
    "col.features": "features x",
    "loops.title": "Adjacency matrix, plus self-loops",
    "loops.text": (
        "A[i, j] = 1 when nodes i and j are joined (the matrix is symmetric). Adding the "
        "identity, A + I, joins every node to itself (the bracketed diagonal), so a node's own "
        "features are kept when it gathers those of its neighbours."
    ),
    "deg.title": "Degrees",
    "deg.text": "The degree dᵢ is the row sum of A + I: the neighbours plus the node itself.",
    "deg.eq": "d{i} = {terms} = {d}     1/√d{i} = {inv}",
    "norm.title": "Normalise: D^−½ (A + I) D^−½",
    "norm.text": (
        "D is the diagonal matrix of the degrees. Dividing row i by √dᵢ and column j by √dⱼ "
        "turns every 1 of A + I into 1/√(dᵢ·dⱼ):"
    ),
    "norm.edge": "Â[{i}, {j}] = 1/√(d{i}·d{j}) = 1/√({di}×{dj}) = {v}",
    "norm.self": "Â[{i}, {i}] = 1/√(d{i}·d{i}) = 1/{d} = {v}",
    "rowsum.eq": "row sums of Â: {sums}",
    "rowsum.one": (
        "Without it, busy nodes would grow large and lonely ones stay small. Here every row of Â adds up to 1, but only because all nodes have the same "
        "degree: in general Â is not an average. An average divides by dᵢ; Â divides by "
        "√(dᵢ·dⱼ), which also shrinks messages from busy neighbours and keeps Â symmetric."
    ),
    "rowsum.not_one": (
        "Without it, busy nodes would grow large and lonely ones stay small. Â is not an "
        "average, though: its rows add up to {lo} (node {i}) … {hi} (node {j}), not 1. An "
        "average divides by dᵢ; Â by √(dᵢ·dⱼ), so a neighbour with more links than node i "
        "counts for less than 1/dᵢ, one with fewer for more."
    ),
    "node.title": "Message passing at node {i}",
    "node.text": (
        "Node {i} gathers from itself and from its neighbours ({others}), each message "
        "weighted by Â[{i}, j], then adds:"
    ),
    "node.none": "none",
    "node.more": "More nodes",
    "col.from": "from j",
    "col.weight": "weight Â[i, j]",
    "col.weighted": "Â[i, j]·x_j",
    "gather.title": "All nodes at once: H = Â·X",
    "gather.text": (
        "Row i of Â·X is exactly the weighted sum of node i above: one matrix product does "
        "the message passing of every node."
    ),
    "weights.title": "× W, then ReLU",
    "weights.text": (
        "Then the same weight matrix W ({F}×{Fo}) transforms every node's gathered vector, as "
        "a dense layer would, the way a conv kernel is shared by every pixel. One entry:"
    ),
    "weights.relu": (
        "ReLU zeroes the negative entries (shown faint), giving the layer's output "
        "ReLU(Â·X·W), a new feature row for every node:"
    ),
    "weights.column": (
        "This row form is the paper's own, H′ = σ(Â·H·W) with one row per node. Written per "
        "node with column vectors it reads hᵢ′ = ReLU(Wᵀ Σⱼ Â[i, j]·hⱼ)."
    ),
    "links.title": "How this connects to what came before",
    "links.grid": (
        "Convolution: on a grid every pixel has the same neighbourhood, so a kernel can give "
        "each relative position its own weight. On a graph neighbourhoods differ, so the GCN "
        "weights neighbours by degree and shares one W."
    ),
    "links.attention": (
        "Attention: self-attention is message passing on the complete graph, where every "
        "token is joined to every other. Its weights softmax(q·k/√d) are computed from the "
        "content of the two tokens and learned, while Â is fixed by the edges. Restrict "
        "attention to the edges of a graph and you get a graph attention network (GAT)."
    ),
    "links.layers": (
        "Layers: one layer reaches the neighbours; stack two and each node sees its "
        "neighbours' neighbours, as stacked convolutions widen the receptive field."
    ),
}
