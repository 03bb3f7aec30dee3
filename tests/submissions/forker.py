"""Leaves 50 sleeping children behind (named nncli-bomb). Its conv functions are right
(appended by the test)."""
import ctypes
import os
import time

for _ in range(50):
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        try:
            ctypes.CDLL(None).prctl(15, b"nncli-bomb", 0, 0, 0)  # PR_SET_NAME
            time.sleep(1000)
        finally:
            os._exit(0)
print("FORKED")
