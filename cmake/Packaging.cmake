# `ninja package` (CPack): a .deb that installs session-lint as the tools it
# sits beside are installed — the two programs in /usr/bin, the plugin where
# clang-tidy's users can --load it, the pre-commit hook, the docs.
include(GNUInstallDirs)

install(TARGETS session-lint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(TARGET session-clangd)
  install(TARGETS session-clangd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
# Debian's multiarch folder whatever CMAKE_INSTALL_PREFIX the build used
# (GNUInstallDirs picks it only for /usr).
if(CMAKE_LIBRARY_ARCHITECTURE)
  set(SESSION_LINT_PLUGIN_DIR lib/${CMAKE_LIBRARY_ARCHITECTURE}/session-lint)
else()
  set(SESSION_LINT_PLUGIN_DIR ${CMAKE_INSTALL_LIBDIR}/session-lint)
endif()
install(TARGETS SessionLint LIBRARY DESTINATION ${SESSION_LINT_PLUGIN_DIR})
install(PROGRAMS scripts/pre-commit-hook
  DESTINATION ${CMAKE_INSTALL_DATADIR}/session-lint)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME session-lint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for database session lifetime misuse in C++")
set(CPACK_PACKAGE_CONTACT "session-lint maintainers <session-lint@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The shared libraries (LLVM 19, libclang-cpp 19, gRPC for session-clangd)
# from dpkg-shlibdeps; Clang's builtin headers, which session-lint finds in
# LLVM 19's resource directory, by hand. The plugin needs the clang-tidy it
# was built for.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-19-dev")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "clang-tidy-19 (>= ${LLVM_PACKAGE_VERSION})")
include(CPack)
