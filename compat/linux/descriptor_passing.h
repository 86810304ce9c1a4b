// A descriptor and a number over a Unix socket (SCM_RIGHTS): how a process
// entering a jail hands its seccomp listener to the jail's init, and how the
// init's helper hands back the mount it built.
#pragma once

namespace rcjail::compat {

// Sends `value`, with `fd` unless it is negative. False on failure (errno).
bool sendDescriptor(int socket, int fd, int value);

// Receives what sendDescriptor sent: `fd` is -1 when none came. With
// `wait` false it does not block. False at end of file or on failure.
bool receiveDescriptor(int socket, int& fd, int& value, bool wait);

}  // namespace rcjail::compat
