// net_probe: the socket calls the network tests of the Linux jail(8) try
// from inside a jail, each printing what the kernel answered, so that a test
// compares words rather than error messages of a particular nc:
// net_probe socket inet|inet6          -> "ok" or the errno name
// net_probe bind ADDR PORT             -> the address bound ("127.0.1.10:4000") or errno
// net_probe connect ADDR PORT          -> "LOCAL -> PEER" or errno
// net_probe serve ADDR PORT SECONDS    -> binds, listens, answers one client with "jail\n"
// Built static, so that it runs in a busybox jail root.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char* errnoName(int error) {
  switch (error) {
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case EADDRNOTAVAIL: return "EADDRNOTAVAIL";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EPERM: return "EPERM";
    case EACCES: return "EACCES";
    case ETIMEDOUT: return "ETIMEDOUT";
    case ENETUNREACH: return "ENETUNREACH";
    case EINVAL: return "EINVAL";
    default: return strerror(error);
  }
}

static int fail(void) {
  printf("%s\n", errnoName(errno));
  return 1;
}

// ADDR PORT as a socket address of the family the address text is in.
static socklen_t addressOf(const char* text, const char* port, struct sockaddr_storage* out) {
  memset(out, 0, sizeof *out);
  struct sockaddr_in* in4 = (struct sockaddr_in*)out;
  struct sockaddr_in6* in6 = (struct sockaddr_in6*)out;
  if (inet_pton(AF_INET, text, &in4->sin_addr) == 1) {
    in4->sin_family = AF_INET;
    in4->sin_port = htons((unsigned short)atoi(port));
    return sizeof *in4;
  }
  if (inet_pton(AF_INET6, text, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons((unsigned short)atoi(port));
    return sizeof *in6;
  }
  fprintf(stderr, "net_probe: not an address: %s\n", text);
  exit(2);
}

static void printAddress(const struct sockaddr_storage* address) {
  char text[INET6_ADDRSTRLEN] = "?";
  if (address->ss_family == AF_INET) {
    const struct sockaddr_in* in4 = (const struct sockaddr_in*)address;
    inet_ntop(AF_INET, &in4->sin_addr, text, sizeof text);
    printf("%s:%u", text, ntohs(in4->sin_port));
  } else {
    const struct sockaddr_in6* in6 = (const struct sockaddr_in6*)address;
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    printf("[%s]:%u", text, ntohs(in6->sin6_port));
  }
}

static int boundSocket(const char* addressText, const char* port, int type) {
  struct sockaddr_storage address;
  const socklen_t length = addressOf(addressText, port, &address);
  const int fd = socket(address.ss_family, type, 0);
  if (fd < 0) return -1;
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (bind(fd, (struct sockaddr*)&address, length) != 0) return -1;
  return fd;
}

static void printLocal(int fd) {
  struct sockaddr_storage address;
  socklen_t length = sizeof address;
  getsockname(fd, (struct sockaddr*)&address, &length);
  printAddress(&address);
}

int main(int argc, char** argv) {
  if (argc == 3 && strcmp(argv[1], "socket") == 0) {
    if (socket(strcmp(argv[2], "inet6") == 0 ? AF_INET6 : AF_INET, SOCK_STREAM, 0) < 0) return fail();
    printf("ok\n");
    return 0;
  }
  if (argc == 4 && strcmp(argv[1], "bind") == 0) {
    const int fd = boundSocket(argv[2], argv[3], SOCK_STREAM);
    if (fd < 0) return fail();
    printLocal(fd);
    printf("\n");
    return 0;
  }
  if (argc == 4 && strcmp(argv[1], "connect") == 0) {
    struct sockaddr_storage peer;
    const socklen_t length = addressOf(argv[2], argv[3], &peer);
    const int fd = socket(peer.ss_family, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr*)&peer, length) != 0) return fail();
    socklen_t peerLength = sizeof peer;
    getpeername(fd, (struct sockaddr*)&peer, &peerLength);
    printLocal(fd);
    printf(" -> ");
    printAddress(&peer);
    printf("\n");
    return 0;
  }
  if (argc == 5 && strcmp(argv[1], "serve") == 0) {
    const int fd = boundSocket(argv[2], argv[3], SOCK_STREAM);
    if (fd < 0 || listen(fd, 1) != 0) return fail();
    printLocal(fd);
    printf("\n");
    fflush(stdout);
    struct pollfd wait = {fd, POLLIN, 0};
    if (poll(&wait, 1, atoi(argv[4]) * 1000) != 1) return 1;
    const int client = accept(fd, NULL, NULL);
    if (client >= 0) (void)!write(client, "jail\n", 5);
    return client >= 0 ? 0 : 1;
  }
  fprintf(stderr, "usage: net_probe socket inet|inet6 | bind ADDR PORT | connect ADDR PORT | serve ADDR PORT SECONDS\n");
  return 2;
}
