"""Runs a command with no network but loopback: to prove a build fetches nothing.

usage: unshare --net --map-root-user python scripts/course-offline.py COMMAND [ARGS...]

`unshare` gives the command a network namespace of its own, whose only interface is loopback, and
loopback starts down; this brings it up (mystmd talks to its site server on localhost) and runs the
command in its place. Any request to another host fails (no route, no name resolution).
"""
import fcntl
import os
import socket
import struct
import sys

SIOCSIFFLAGS = 0x8914
IFF_UP, IFF_RUNNING = 0x1, 0x40

if len(sys.argv) < 2:
    sys.exit(__doc__)
with socket.socket() as sock:
    fcntl.ioctl(sock, SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", IFF_UP | IFF_RUNNING))
os.execvp(sys.argv[1], sys.argv[1:])
