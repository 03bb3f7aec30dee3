"""Phones home: connects to a port on 127.0.0.1 that the test listens on."""
import socket

try:
    with socket.create_connection(("127.0.0.1", {{PORT}}), timeout=2) as connection:
        connection.sendall(b"lstm answers please")
    print("CONNECTED")
except Exception as error:
    print("NOSOCK", type(error).__name__)


def lstm_step(x_t, s_prev, c_prev, W, U, b):
    raise NotImplementedError


def lstm_forward(x, s0, c0, W, U, b):
    raise NotImplementedError
