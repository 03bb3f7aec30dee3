"""`nncli watch`: grade a file again each time it is saved.

file_watch.py notices a save (polling, with inotify where Linux has it: inotify.py);
checking.py runs `nncli check` in the background; view.py draws the screen; terminal.py
reads single keys; app.py ties them together.
"""
