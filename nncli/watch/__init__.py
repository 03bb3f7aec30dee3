"""`nncli watch`: grade a file again each time it is saved.

file_watch.py notices a save (polling, with inotify where Linux has it: inotify.py);
checking.py runs each check in a process of its own; view.py draws the screen; terminal.py
reads single keys and redraws (tty_posix.py on Linux and macOS, tty_windows.py on Windows);
app.py ties them together.
"""
