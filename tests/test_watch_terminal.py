"""The terminal of `nncli watch` (nncli/watch/terminal.py) on a real pty pair, in this
process: keys without Enter or echo, Ctrl-C still a signal, and everything given back,
also when the code inside raises or a signal ends it."""

import os
import select
import signal
import sys
import termios
import time

import pytest

from nncli.watch.terminal import LEAVE, Quit, Terminal

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux pty")


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    os.set_blocking(master, False)
    yield master, slave
    os.close(master)
    os.close(slave)


def _screen(master, until: bytes) -> bytes:
    """What the terminal showed, read until it ends with `until` (a pty passes data on
    asynchronously: one read may return only the first writes); gives up after 30 s."""
    seen = b""
    end = time.monotonic() + 30
    while not seen.endswith(until) and time.monotonic() < end:
        if select.select([master], [], [], 0.05)[0]:
            seen += os.read(master, 65536)
    return seen


def test_inside_keys_come_one_by_one_unechoed_and_ctrl_c_stays_a_signal(pty_pair):
    master, slave = pty_pair
    with Terminal(slave, slave):
        modes = termios.tcgetattr(slave)
        assert not modes[3] & termios.ICANON and not modes[3] & termios.ECHO
        assert modes[3] & termios.ISIG
        os.write(master, b"h")
        assert Terminal(slave, slave).keys() == "h"          # no Enter needed


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_modes_and_screen_come_back_after_an_exception(pty_pair, error):
    master, slave = pty_pair
    before = termios.tcgetattr(slave)
    with pytest.raises(error):
        with Terminal(slave, slave) as terminal:
            terminal.draw(["a frame"])
            raise error()
    assert termios.tcgetattr(slave) == before
    assert _screen(master, LEAVE.encode()).endswith(LEAVE.encode())


def test_sigterm_becomes_quit_and_the_old_handlers_come_back(pty_pair):
    master, slave = pty_pair
    before = termios.tcgetattr(slave)
    handler = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Quit) as raised:
        with Terminal(slave, slave):
            os.kill(os.getpid(), signal.SIGTERM)     # the handler runs before the next line
            raise AssertionError("SIGTERM did not end the block")
    assert raised.value.code == 128 + signal.SIGTERM
    assert termios.tcgetattr(slave) == before
    assert signal.getsignal(signal.SIGTERM) is handler


def test_a_resize_asks_for_a_redraw(pty_pair):
    master, slave = pty_pair
    with Terminal(slave, slave) as terminal:
        assert not terminal.resized
        os.kill(os.getpid(), signal.SIGWINCH)
        assert terminal.resized


def test_size_falls_back_to_80_by_24(pty_pair):
    master, slave = pty_pair
    read_end, write_end = os.pipe()
    try:
        assert Terminal(slave, write_end).size() == (80, 24)     # a pipe has no size
    finally:
        os.close(read_end)
        os.close(write_end)
