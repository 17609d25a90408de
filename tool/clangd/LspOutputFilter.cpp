//===--- LspOutputFilter.cpp - What session-clangd adds to clangd's output ===//

#include "LspOutputFilter.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cerrno>
#include <optional>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace json = llvm::json;

namespace session_lint {
namespace {

struct Filter {
  std::string DocsUrl;
  int EditorFd = -1; // the real standard output
  int PipeReadFd = -1;
  std::thread Thread;
  std::mutex WriteLock; // one whole message at a time
  std::mutex ShownLock;
  llvm::StringSet<> Shown;
};

Filter *Running = nullptr;

bool writeAll(int Fd, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t Written = ::write(Fd, Bytes.data(), Bytes.size());
    if (Written < 0 && errno == EINTR)
      continue;
    if (Written <= 0)
      return false;
    Bytes = Bytes.drop_front(Written);
  }
  return true;
}

void sendToEditor(Filter &F, llvm::StringRef Body) {
  std::string Framed =
      llvm::formatv("Content-Length: {0}\r\n\r\n", Body.size()).str();
  Framed += Body;
  std::lock_guard<std::mutex> Lock(F.WriteLock);
  writeAll(F.EditorFd, Framed);
}

/// Where the message at the start of \p Buffer ends: {header size, body
/// size} once its header is complete; {0, 0} when the bytes are not a
/// Content-Length header at all (they are passed through).
std::optional<std::pair<size_t, size_t>> frameAt(llvm::StringRef Buffer) {
  const std::pair<size_t, size_t> NotAMessage{0, 0};
  llvm::StringRef Prefix = "Content-Length:";
  size_t Compared = std::min(Buffer.size(), Prefix.size());
  if (!Buffer.take_front(Compared).equals_insensitive(
          Prefix.take_front(Compared)))
    return NotAMessage;
  size_t HeaderEnd = Buffer.find("\r\n\r\n");
  if (HeaderEnd == llvm::StringRef::npos) {
    if (Buffer.size() > 4096)
      return NotAMessage;
    return std::nullopt;
  }
  llvm::StringRef Header = Buffer.take_front(HeaderEnd);
  size_t Length = 0;
  bool Found = false;
  while (!Header.empty()) {
    auto [Line, Rest] = Header.split("\r\n");
    Header = Rest;
    auto [Key, Value] = Line.split(':');
    if (Key.trim().equals_insensitive("content-length"))
      Found = !Value.trim().getAsInteger(10, Length);
  }
  if (!Found)
    return NotAMessage;
  return std::pair<size_t, size_t>{HeaderEnd + 4, Length};
}

void pump(Filter &F) {
  std::string Buffer;
  char Chunk[65536];
  for (;;) {
    ssize_t Read = ::read(F.PipeReadFd, Chunk, sizeof(Chunk));
    if (Read < 0 && errno == EINTR)
      continue;
    if (Read <= 0)
      break;
    Buffer.append(Chunk, Read);
    for (;;) {
      auto Frame = frameAt(Buffer);
      if (!Frame)
        break;
      auto [HeaderSize, BodySize] = *Frame;
      if (HeaderSize == 0) { // not a message: pass it through
        std::lock_guard<std::mutex> Lock(F.WriteLock);
        writeAll(F.EditorFd, Buffer);
        Buffer.clear();
        break;
      }
      if (Buffer.size() < HeaderSize + BodySize)
        break;
      llvm::StringRef Body =
          llvm::StringRef(Buffer).substr(HeaderSize, BodySize);
      sendToEditor(F, filterMessage(Body, F.DocsUrl));
      Buffer.erase(0, HeaderSize + BodySize);
    }
  }
  if (!Buffer.empty()) {
    std::lock_guard<std::mutex> Lock(F.WriteLock);
    writeAll(F.EditorFd, Buffer);
  }
}

} // namespace

std::string checkDocsUrl(llvm::StringRef DocsUrl, llvm::StringRef Check) {
  return (DocsUrl + Check + ".md").str();
}

std::string filterMessage(llvm::StringRef Body, llvm::StringRef DocsUrl) {
  // Most messages are not diagnostics of ours: leave them unparsed.
  if (!Body.contains("\"session-") ||
      !Body.contains("textDocument/publishDiagnostics"))
    return Body.str();
  llvm::Expected<json::Value> Parsed = json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return Body.str();
  }
  json::Object *Message = Parsed->getAsObject();
  if (!Message || Message->getString("method") !=
                      llvm::StringRef("textDocument/publishDiagnostics"))
    return Body.str();
  json::Object *Params = Message->getObject("params");
  json::Array *Diagnostics = Params ? Params->getArray("diagnostics") : nullptr;
  if (!Diagnostics)
    return Body.str();
  for (json::Value &Item : *Diagnostics) {
    json::Object *Diagnostic = Item.getAsObject();
    if (!Diagnostic)
      continue;
    std::optional<llvm::StringRef> Code = Diagnostic->getString("code");
    if (!Code || !Code->starts_with("session-"))
      continue;
    std::string Href = checkDocsUrl(DocsUrl, *Code); // before Code moves
    (*Diagnostic)["codeDescription"] = json::Object{{"href", std::move(Href)}};
  }
  return llvm::formatv("{0}", json::Value(std::move(*Parsed))).str();
}

bool startLspOutputFilter(llvm::StringRef DocsUrl) {
  int Pipe[2];
  if (::pipe2(Pipe, O_CLOEXEC) != 0)
    return false;
  int EditorFd = ::fcntl(1, F_DUPFD_CLOEXEC, 3);
  if (EditorFd < 0 || ::dup2(Pipe[1], 1) < 0) {
    ::close(Pipe[0]);
    ::close(Pipe[1]);
    if (EditorFd >= 0)
      ::close(EditorFd);
    return false;
  }
  ::close(Pipe[1]); // standard output is now the pipe's only writer
  Running = new Filter;
  Running->DocsUrl = DocsUrl.str();
  Running->EditorFd = EditorFd;
  Running->PipeReadFd = Pipe[0];
  Running->Thread = std::thread(pump, std::ref(*Running));
  return true;
}

void showErrorOnce(llvm::StringRef Text) {
  Filter *F = Running;
  if (!F)
    return;
  {
    std::lock_guard<std::mutex> Lock(F->ShownLock);
    if (!F->Shown.insert(Text).second)
      return;
  }
  json::Value Message = json::Object{
      {"jsonrpc", "2.0"},
      {"method", "window/showMessage"},
      {"params", json::Object{{"type", 1}, {"message", Text}}}};
  sendToEditor(*F, llvm::formatv("{0}", Message).str());
}

void stopLspOutputFilter() {
  Filter *F = Running;
  if (!F)
    return;
  llvm::outs().flush();
  ::dup2(F->EditorFd, 1); // closes the pipe's writer: the thread sees its end
  F->Thread.join();
  ::close(F->PipeReadFd);
}

} // namespace session_lint
