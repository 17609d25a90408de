/* A program an analyzed tree names (an offload architecture probe, a tool
   found through -B). When run, it leaves RAN-<its name> next to itself and
   answers as amdgpu-arch would, so that a driver that ran it goes on. */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  char self[4096] = {0}, copy[4096], marker[8300];
  (void)argc;
  if (readlink("/proc/self/exe", self, sizeof self - 1) < 0)
    strncpy(self, argv[0], sizeof self - 1);
  strcpy(copy, self);
  snprintf(marker, sizeof marker, "%s/RAN-%s", dirname(self), basename(copy));
  close(open(marker, O_WRONLY | O_CREAT, 0644));
  puts("gfx906");
  return 0;
}
