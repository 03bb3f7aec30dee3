"""English error messages: each one line that names the bad token or value and says how to
fix it. `cli.main` puts the prefix in front; click's own usage errors keep click's English
wording (the "click." templates here say the same, for parity with other languages)."""

HOW = 'write rows split by ";" and numbers by spaces or commas, e.g. "1 2 3; 4 5 6"'

TEXTS = {
    # the line around every message
    "prefix": "nncli: error: {message}",
    "internal": "internal error: {kind}: {detail} (set NNCLI_DEBUG=1 for a traceback)",
    "did_you_mean": 'Did you mean "{match}"?',

    # unknown names
    "unknown.command": "unknown command \"{name}\". See '{path} --help'.",
    "unknown.command.suggest": "unknown command \"{name}\". Did you mean \"{match}\"? See '{path} --help'.",
    "unknown.topic": "unknown topic \"{name}\". See '{path} --help'.",
    "unknown.topic.suggest": "unknown topic \"{name}\". Did you mean \"{match}\"? See '{path} --help'.",
    "topic.unknown": "unknown topic \"{name}\". See the list with 'nncli topics'.",
    "topic.unknown.suggest": "unknown topic \"{name}\". Did you mean \"{match}\"? See the list with 'nncli topics'.",

    # click's own usage errors
    "list.separator": ", ",
    "click.see_help": "{message}. See '{path} --help'.",
    "click.no_such_option": "No such option '{option}'. See '{path} --help'.",
    "click.no_such_option.suggest": "No such option '{option}'. Did you mean '{match}'? See '{path} --help'.",
    "click.needs_value": "Option '{option}' requires an argument. See '{path} --help'.",
    "click.takes_no_value": "Option '{option}' does not take a value. See '{path} --help'.",
    "click.not_integer": "Invalid value for '{option}': '{value}' is not a valid integer. See '{path} --help'.",
    "click.not_number": "Invalid value for '{option}': '{value}' is not a valid float. See '{path} --help'.",
    "click.out_of_range": "Invalid value for '{option}': {value} is not in the range {range}. See '{path} --help'.",
    "click.choice": "Invalid value for '{option}': '{value}' is not one of {choices}.",
    "click.bad_value": "Invalid value for '{option}': '{value}'. See '{path} --help'.",
    "click.path_is_dir": "Invalid value for '{option}': '{value}' is a directory.",
    "click.path_missing": "Invalid value for '{option}': '{value}' does not exist.",
    "click.bad_value.detail": "Invalid value for '{option}': {detail}",
    "click.missing": "Missing {name}. See '{path} --help'.",
    "click.extra_args": "Got unexpected extra argument ({args}). See '{path} --help'.",
    "click.usage": "The command line is not valid. See '{path} --help'.",

    # matrices and files (nncli/inputs.py)
    "matrix.empty_row": "{option}: row {row} is empty; " + HOW + ".",
    "matrix.not_number": '{option}: "{token}" (row {row}, number {col}) is not a number; ' + HOW + ".",
    "matrix.ragged": "{option}: row {row} has {count} {count:number|numbers} but row 1 has {first}; every row needs the same count.",
    "matrix.not_finite": "{option}: every number must be finite (no inf or nan).",
    "file.missing": '{option}: file "{path}" does not exist; give a path to a .npy, .csv or .txt file, or the numbers themselves.',
    "file.empty": '{option}: file "{path}" holds no numbers; write one row of numbers per line.',
    "file.unreadable": '{option}: cannot read "{path}": {error}.',
    "file.not_npy": '{option}: "{path}" is not a .npy file of numbers; write it with numpy.save, or give a .csv or .txt file.',
    "file.not_text": '{option}: "{path}" is not a text file; write one row of numbers per line (UTF-8).',
    "file.shape": '{option}: "{path}" must hold a non-empty vector or matrix, not shape {shape}.',
    "dims.matrix": "{option}: expected a matrix, got shape {shape}.",
    "dims.row": "{option}: expected one row of numbers, got shape {shape}.",
    "dims.row_values": "{option}: expected one row of values, got shape {shape}.",
    "dims.row_inputs": "{option}: expected one row of inputs, got shape {shape}.",
    "dims.row_weights": "{option}: expected one row of weights, got shape {shape}.",
    "dims.states": "{option}: expected a matrix (T×H), got shape {shape}.",
    "dims.tokens": "{option}: expected a matrix (T×d), got shape {shape}.",
    "dims.sequence": "{option}: expected a T×D matrix, one row per time step, got shape {shape}.",

    # options every explanation shares
    "export.suffix": 'cannot export to "{path}": the name must end in .svg, .html or .txt.',

    # conv, pool, cnn
    "conv.channels_random": (
        "{option} cannot be used with --channels or --filters: the input and the filters are "
        "drawn at random (--seed, --size SIZE for a C×SIZE×SIZE input)."
    ),
    "conv.kernel_too_big": (
        "--kernel: a {kh}×{kw} kernel does not fit the {ph}×{pw} padded input;"
        " use a smaller kernel or more --padding."
    ),
    "pool.window_small": "--window: {window} is too small; the window needs at least 1 row and 1 column.",
    "pool.window_big": (
        "--window: a {window}×{window} window does not fit the {rows}×{cols} input;"
        " use --window {most} or less."
    ),
    "pool.stride_small": "--stride: {stride} is too small; the windows must move by at least 1.",
    "cnn.kernel_shape": (
        "--kernel: got a {rows}×{cols} kernel; every kernel must be square and of one size"
        " ({side}×{side} here)."
    ),
    "cnn.stages_small": (
        "--stages {stages}: a {rows}×{cols} image shrinks to nothing before the last stage;"
        " give at least {least}×{least}, or fewer stages."
    ),
    "cnn.image_small": (
        "--input: a {rows}×{cols} image is too small for a {side}×{side} kernel and a 2×2 pool;"
        " give at least {least}×{least}."
    ),

    # neuron
    "neuron.weights_count": "--w: {weights} {weights:weight|weights} for {inputs} {inputs:input|inputs}; give one weight per input.",
    "neuron.bias_finite": "--b: the bias must be a finite number.",

    # rnn, lstm
    "sequence.steps": (
        "--input: the matrix has {rows} {rows:row|rows} (time steps) but --steps is {steps};"
        " drop --steps or give one row per step."
    ),
    "sequence.features": (
        "--input: each row has {cols} {cols:number|numbers} but --features is {features};"
        " drop --features or give {features} {features:number|numbers} per row."
    ),
    "sequence.too_long": "--input: {rows} time {rows:step|steps} is too many; give at most {most} {most:row|rows}.",
    "sequence.too_wide": "--input: {cols} {cols:feature|features} per step is too many; give at most {most} per row.",

    # attention, self-attention, multihead
    "attention.tokens": "--tokens {tokens}: --input has {rows} {rows:row|rows}; give one or make them agree.",
    "attention.hidden": "--hidden {hidden}: --input rows have {cols} {cols:number|numbers}; give one or make them agree.",
    "attention.outputs": "--outputs {outputs}: --query has {rows} {rows:row|rows} (one per decoder step); give one or make them agree.",
    "attention.query": (
        "--query: {count} {count:number|numbers}, but every encoder state has {hidden};"
        " give --query {hidden} {hidden:number|numbers}."
    ),
    "tokens.no_words": '--words: give at least one word, e.g. --words "the cat sat".',
    "tokens.words_count": (
        "--tokens {tokens}: --words gives {count} {count:word|words}; give one of them or make them agree."
    ),
    "tokens.input_disagrees": (
        "{option} {value}: --input is {rows}×{cols}; leave {option} out or make them agree."
    ),
    "tokens.words_rows": "--words: {count} {count:word|words} for the {rows} {rows:row|rows} of --input; give one word per row.",
    "weight.rows": (
        "{option}: got {rows}×{cols}, need {need} {need:row|rows}, one per column of X (d = {need})."
    ),
    "weight.shape": "{option}: got {rows}×{cols}, need {need}×{need_cols} (d×d).",
    "weight.dk": (
        "--wk: {wk} {wk:column|columns} but --wq has {wq}; queries and keys need the same d_k."
    ),

    # transformer
    "transformer.heads": (
        "--heads {heads} does not divide --dim {dim}; pick a number of heads that does"
        " (e.g. --heads 1 or --heads {dim})."
    ),
    "transformer.word_count": (
        "--words: {count} {count:word|words} given; give between 2 and 50, split by spaces or commas."
    ),
    "transformer.repeated": (
        '--words: "{word}" appears more than once; each word of the vocabulary must differ.'
    ),

    # train
    "train.too_much": (
        "--epochs {epochs} × ({samples} + {held} held-out samples) × --hidden {hidden} is {work}"
        " unit updates, more than {most}: training runs before anything is shown and would take"
        " minutes; lower one of them."
    ),

    # decoder, architectures
    "decoder.word_count": "--words: give between 2 and 50 words, split by spaces or commas (got {count}).",
    "decoder.reserved": (
        '--words: "{word}" marks the start or the end of a sentence and is in the vocabulary'
        " already; leave it out."
    ),
    "architectures.reduce": (
        "--reduce {reduce}: the 1×1 layer is there to cut channels, so give fewer than"
        " --channels {channels}."
    ),

    # gnn
    "edges.none": '--edges: no edges given; write pairs of node numbers like "0-1,1-2,2-3".',
    "edges.not_edge": (
        '--edges: "{item}" is not an edge; write pairs of node numbers like "0-1,1-2,2-3".'
    ),
    "edges.self_loop": (
        '--edges: "{item}" joins node {node} to itself; leave self-loops out, the layer adds'
        " them (A + I)."
    ),
    "edges.missing_node": (
        "--edges: node {node} does not exist with --nodes {nodes} (nodes are 0 … {last});"
        " raise --nodes or fix the edge."
    ),
    "edges.too_many": "--edges: node {node} makes {nodes} {nodes:node|nodes}; at most {most} are explained.",
    # bounds on sizes, and the reason for each
    "size.high": "{option} {value} is too large: at most {most}, {why}.",
    "size.input": "{option}: {value} along one side is too many: at most {most}, {why}.",
    "size.words": "{option}: {value} {value:word|words} is too many: at most {most}, {why}.",
    "size.low": "{option} {value} is too small: at least {least}.",
    "why.map": "since every cell of a bigger map is worked out and kept for the view, which takes long and cannot be read",
    "why.steps": "since every time step is worked out and kept, and a longer chain shows nothing new",
    "why.units": "since every unit is written out, and a wider layer cannot be read on a screen",
    "why.tokens": "since the T×T weights of more tokens cannot be read on a screen",
    "why.count": "since each one is shown, and more of them add nothing a few do not show",
    "why.stride": "since the largest map explained is that wide, so a longer step leaves the same single window",
    "why.values": "since every value is computed and kept for the view",
    "why.rows": "since each one adds a row to every matrix, and a longer example no longer fits a screen",
    "why.width": "since wider rows no longer fit a terminal (--json has every number of a smaller example)",
    "why.greedy": "since each greedy step runs the whole layer again and shows its own step",
    "why.blocks": "since a deeper stack shows nothing new: the gradients are in the table already",
    "why.channels": "since no layer of these networks is wider",
    "why.size": "since no feature map of these networks is bigger",
    "why.examples": "since the tables show the first rows only, and more examples change nothing but the mean",
    "why.epochs": "since every epoch runs all samples forward and backward, and these data are learned long before",
    "why.samples": "since every epoch runs over all of them, and more only slow training down",
    "why.stages": "since each stage halves the maps, and after three nothing of these images is left to pool",
    "matrix.too_many": "{option}: too many numbers; give at most {most} (a 1024×1024 map), since every one is kept for the view.",
    "matrix.empty": '{option}: no numbers given; ' + HOW + ".",
    "number.not_number": '{option}: "{token}" is not a number; write one number, e.g. 0.5 or −1.',
    "file.not_real": '{option}: "{path}" holds {dtype} values; give real numbers (float or int).',

    # options a mode does not use, and options that say the same thing
    "option.unused": "{option} has no effect with {mode}; leave it out.",
    "option.both": "{first} and {second} both set the input; give one of them.",

    # --export and --all-steps
    "export.is_dir": 'cannot export to "{path}": it is a folder; give a file name ending in .svg, .html or .txt.',
    "export.no_folder": 'cannot export to "{path}": the folder "{folder}" does not exist; create it first.',
    "export.not_writable": 'cannot export to "{path}": no permission to write there.',
    "export.failed": 'cannot export to "{path}": {error}.',
    "all_steps.too_many_steps": (
        "--all-steps would add {count} {count:step|steps}, more than anyone reads (at most {most});"
        " use --json for every number, or leave --all-steps out (--export FILE saves the view)."
    ),
    "all_steps.too_many_lines": (
        "--all-steps would print about {count} {count:line|lines}, more than anyone reads (at most {most});"
        " use --json for every number, or leave --all-steps out (--export FILE saves the view)."
    ),
}
