/* A plugin an analyzed tree names (-fplugin=, -Xclang -load, a driver
   configuration file's flags). When loaded, its constructor leaves
   LOADED-<its file name> next to it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

__attribute__((constructor)) static void loaded(void) {
  Dl_info info;
  char dir[4096], name[4096], marker[8300];
  if (!dladdr((void *)&loaded, &info) || !info.dli_fname)
    return;
  strncpy(dir, info.dli_fname, sizeof dir - 1);
  dir[sizeof dir - 1] = 0;
  strcpy(name, dir);
  snprintf(marker, sizeof marker, "%s/LOADED-%s", dirname(dir), basename(name));
  close(open(marker, O_WRONLY | O_CREAT, 0644));
}
