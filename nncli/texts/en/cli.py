"""English texts of the command line itself (welcome, topic table, common notes)."""

TEXTS = {
    "welcome": (
        "nncli {version}: see how a neural network computes, every number of it, then build\n"
        "each piece yourself in NumPy and have it graded.\n"
        "\n"
        "Start here:\n"
        "  nncli topics               the curriculum, in order\n"
        "  nncli explain conv         a 2D convolution, cell by cell\n"
        "  nncli explain conv --help  the options of one explanation\n"
        "\n"
        "Every command takes --help."
    ),
    "topics.title": "Topics, in curriculum order",
    "topics.col.topic": "topic",
    "topics.col.summary": "what you will see",
    "topics.col.explain": "explain",
    "topics.col.exercise": "exercise",
    "topics.yes": "yes",
    "topics.not_yet": "not yet",
    "topics.exercise_sep": ", ",
    "topics.none": "—",
    "topics.footer": "Run 'nncli explain TOPIC' for a step-by-step trace.",
    "explain.not_built": "the explanation of \"{topic}\" is not built yet; 'nncli topics' shows which are.",
    "step.prompt": "Enter: next step · q: quit",
    "step.ignored": "nncli: note: --step needs a terminal; showing every step at once.",
    "step.counter": "Step {k} of {n}",
    "skipped": "… {count} more computed the same way (--all-steps shows them).",
    "crop.note": "showing {rows}×{cols} of {shape}; --json gives every value",
    "matrix.many_dims": "{label}: {shape} (--json gives every value)",
    "seed.unused": "nncli: note: --seed changes nothing here: no number of this example is random (--size N draws a random one).",
    "export.saved": "nncli: saved {path}",
    # nncli --help and nncli explain --help
    "help.nncli": "nncli: see how neural networks compute, then build each piece in NumPy.",
    "help.explain": (
        "Show how one topic computes, step by step, with every number.\n"
        "\n"
        "Every topic takes --json, --export FILE, --step, --all-steps, --seed, --precision and"
        " --lang; 'nncli explain TOPIC --help' lists its own options too."
    ),
    "command.topics": "List every topic in curriculum order.",
    "command.explain": "Show how one topic computes, step by step, with every number.",
    "command.exercise": "Get an exercise file to fill in, and its task.",
    "command.check": "Grade your exercise files with hidden tests.",
    "command.hint": "Show the next hint for an exercise.",
    "command.solution": "Show the reference solution of an exercise you passed.",
    "command.progress": "Show your status, score and next step for every exercise.",
    "command.watch": "Check an exercise at each save, with the next step in view.",
    "command.autograde": "Grade one submission for a course platform (instructors).",
    "command.autograder": "Write an autograder for Gradescope, PrairieLearn or Classroom.",
}
