"""The loop of `nncli watch`: poll the file, check it once a save has settled, redraw, read keys.

Each turn waits, at most until the next poll (every `interval` seconds, or sooner while a
change settles), for a key or a file-system event (inotify, where there is one); while a
check runs, the wait is at most CHECK_POLL seconds, and then the check's process is polled.
Checks run in processes of their own (checking.py), so keys keep working during a check and
a newer save cancels an older check.
"""

import time

from nncli.watch import checking as watcher_check, file_watch as watcher
from nncli.watch.view import Screen, frame

CHECK_POLL = 0.05      # seconds between two looks at a running check


class WatchApp:
    """Watch `exercise` in `workspace` until q, Ctrl-C or a signal; run() returns the exit status.

    events: True to use inotify where there is one (polling runs either way)."""

    def __init__(self, workspace, exercise, lang, seed, timeout=10.0, interval=0.3,
                 events=True, terminal=None):
        self.workspace, self.lang = workspace, lang
        self.seed, self.timeout, self.interval = seed, timeout, interval
        self.use_events = events
        self.terminal = terminal
        self.job = None
        self.checker = watcher_check.Checker()
        self.events = None
        self.dirty = True
        self.drawn_size = None
        self._switch(exercise)

    # ------------------------------------------------------------ exercise and state

    def _switch(self, exercise) -> None:
        self.exercise = exercise
        path = self.workspace.exercise_file(exercise.name)
        self.watch = watcher.FileWatch(path, now=watcher.monotonic())
        self.screen = Screen(exercise, path, self.seed)
        self.shown_hint = 0
        state = self._state()
        shown = min(state.hints_shown(exercise.name), len(exercise.hints))
        if shown:
            self._show_hint(shown, again=False)
        self.screen.following = self._following(state)
        self.dirty = True

    def _state(self):
        from nncli.state import State

        return State.load(self.workspace.state_path)

    def _save(self, state) -> None:
        from nncli.texts import Texts

        try:
            state.save()
        except OSError as error:
            self.screen.note = Texts("watch", self.lang)(
                "state_not_saved", path=state.path, reason=error.strerror or error)

    def _following(self, state):
        """The name of the next exercise not passed yet, after this one in curriculum order
        and then from the start; None when every other one has passed."""
        from nncli.catalogue import EXERCISES

        names = [e.name for e in EXERCISES]
        here = names.index(self.exercise.name)
        for name in names[here + 1:] + names[:here]:
            if not state.passed(name):
                return name
        return None

    def _show_hint(self, number: int, again: bool) -> None:
        from nncli.texts import Texts

        hints = self.exercise.hints
        text = Texts("exercises", self.lang)(hints[number - 1])
        self.screen.hint = (number, len(hints), text)
        self.screen.again = again
        self.shown_hint = number

    # ------------------------------------------------------------ keys

    def next_hint(self) -> None:
        """`h`: the next hint, counted in the workspace as `nncli hint` counts it; once every
        hint was seen, they come round again from the first."""
        count = len(self.exercise.hints)
        if not count:
            return
        state = self._state()
        shown = min(state.hints_shown(self.exercise.name), count)
        self.screen.note = ""
        if shown < count:
            state.set_hints_shown(self.exercise.name, shown + 1)
            self._save(state)
            self._show_hint(shown + 1, again=False)
        else:
            self._show_hint(self.shown_hint % count + 1, again=True)
        self.dirty = True

    def next_exercise(self) -> None:
        """`n`: watch the next unfinished exercise; its file is written from the template
        first when it is not there yet (never over an existing file), as `nncli exercise`."""
        from nncli.catalogue import find_exercise
        from nncli.errors import NncliError
        from nncli.texts import Texts

        w = Texts("watch", self.lang)
        name = self._following(self._state())
        if name is None:
            self.screen.note = w("note.no_other", name=self.exercise.name)
            self.dirty = True
            return
        exercise = find_exercise(name)
        path = self.workspace.exercise_file(name)
        note = w("note.switched", name=name)
        if not path.exists():
            from nncli.commands import exercise as exercise_command

            template = exercise_command.template_text(name, self.lang)
            try:
                exercise_command.hand_out(self.workspace, path, template, False, lang=self.lang)
                note = w("note.written", path=path)
            except (NncliError, OSError) as error:
                self.screen.note = getattr(error, "message", None) or str(error)
                self.dirty = True
                return
        self._cancel()
        self._switch(exercise)
        self.screen.note = note

    # ------------------------------------------------------------ checks

    def _cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.screen.checking = False

    def close(self) -> None:
        """End the running check and the process readied for the next one."""
        self._cancel()
        self.checker.close()

    def _start_check(self) -> None:
        self._cancel()
        signature = self.watch.take()
        self.screen.missing = signature is watcher.MISSING
        if not self.screen.missing:
            self.job = self.checker.start(self.workspace, self.exercise, self.seed,
                                          self.timeout, self.lang)
            self.screen.checking = True
        self.dirty = True

    def _finished(self, job) -> None:
        from nncli.texts import Texts

        w = Texts("watch", self.lang)
        self.job = None
        screen = self.screen
        screen.checking = False
        screen.count += 1
        screen.time = time.strftime("%H:%M:%S")
        screen.seconds = job.elapsed
        screen.error = ""
        if job.result is not None:
            result = job.result.exercises[0]
            screen.result = result
            state = self._state()
            state.record_check(result.name, result.status, result.score, result.max_score)
            self._save(state)
            screen.following = self._following(state)
        elif job.failure is not None:
            key, values = job.failure
            screen.error = w(key, **values)
        else:
            screen.error = w("overdue")
        self.checker.warm(self.exercise.name)
        self.dirty = True

    # ------------------------------------------------------------ the loop

    def draw(self, size) -> None:
        columns, rows = size
        self.terminal.draw(frame(self.screen, self.lang, columns, rows))
        self.drawn_size = size
        self.dirty = False
        self.terminal.resized = False

    def step(self) -> bool:
        """One turn of the loop; False once the learner quit."""
        terminal = self.terminal
        now = watcher.monotonic()
        self.watch.poll(now)
        if self.job is not None and self.job.poll():
            self._finished(self.job)
        elif self.job is not None and self.job.overdue(now):
            job, self.job = self.job, None
            job.cancel()
            self._finished(job)
        if self.watch.due(now):
            self._start_check()
        size = terminal.size()   # polled as well: Windows sends no signal on a resize
        if self.dirty or terminal.resized or size != self.drawn_size:
            self.draw(size)
        wait = self.watch.wait(now, self.interval)
        if self.job is not None:
            wait = min(wait, CHECK_POLL)
        key_ready, woken = terminal.wait(wait, [self.events] if self.events is not None else [])
        if woken:
            self.events.names()          # drained; the poll at the top says what changed
        if self.job is not None and self.job.poll():
            self._finished(self.job)
        if key_ready:
            for key in terminal.keys():
                if key in "qQ\x03":
                    return False
                if key in "hH":
                    self.next_hint()
                elif key in "nN":
                    self.next_exercise()
        return True

    def run(self) -> int:
        from nncli.watch.terminal import Quit, Terminal

        code = 0
        if self.terminal is None:
            self.terminal = Terminal()
        if self.use_events:
            from nncli.watch.inotify import open_folder

            self.events = open_folder(self.workspace.root)
        try:
            with self.terminal:
                try:
                    while self.step():
                        pass
                except KeyboardInterrupt:
                    pass
                except Quit as stop:
                    code = stop.code
                finally:
                    self.close()
        finally:
            if self.events is not None:
                self.events.close()
        return code

    def summary(self) -> str:
        """One line for the normal screen once the watch is over."""
        from nncli.texts import Texts

        w, g = Texts("watch", self.lang), Texts("grader", self.lang)
        result = self.screen.result
        if result is None:
            return w("summary_unchecked", name=self.exercise.name)
        return w("summary", name=result.name, status=g(f"status.{result.status}"),
                 score=result.score, max_score=result.max_score)
