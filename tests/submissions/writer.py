"""Changes grades: reads and overwrites the gradebook, breaks a classmate's file, plants a
file among the submissions. Its own lstm functions are right (appended by the test)."""
attempts = [("read", "{{GRADEBOOK}}"), ("write", "{{GRADEBOOK}}"), ("write", "{{GOOD}}"),
            ("write", "{{PLANTED}}")]
for action, path in attempts:
    try:
        if action == "read":
            with open(path, encoding="utf-8") as f:
                print("READ", path, f.read()[:20])
        else:
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nhacked\n")
            print("WROTE", path)
    except Exception as error:
        print("NO" + action.upper(), path, type(error).__name__)
