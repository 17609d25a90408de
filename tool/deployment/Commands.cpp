//===--- Commands.cpp - What a container's command line says --------------===//

#include "Commands.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace session_lint {
namespace {

void splitWords(llvm::StringRef Text, std::vector<std::string> &Words) {
  std::string Word;
  bool InWord = false;
  char Quote = 0;
  for (char C : Text) {
    if (Quote) {
      if (C == Quote)
        Quote = 0;
      else
        Word += C;
      continue;
    }
    if (C == '\'' || C == '"') {
      Quote = C;
      InWord = true;
    } else if (llvm::isSpace(C) || C == ';' || C == '&' || C == '|') {
      if (InWord)
        Words.push_back(std::move(Word));
      Word.clear();
      InWord = false;
    } else {
      Word += C;
      InWord = true;
    }
  }
  if (InWord)
    Words.push_back(std::move(Word));
}

/// The value of option \p Long (`--workers N`, `--workers=N`) or \p Short
/// (`-w N`, `-w4`) in \p Words after \p From.
std::optional<std::string> optionValue(llvm::ArrayRef<std::string> Words,
                                       size_t From, llvm::StringRef Long,
                                       llvm::StringRef Short) {
  for (size_t I = From; I < Words.size(); ++I) {
    llvm::StringRef W = Words[I];
    bool HasNext = I + 1 < Words.size();
    if ((W == Long || (!Short.empty() && W == Short)) && HasNext)
      return Words[I + 1];
    if (W.consume_front(Long) && W.consume_front("="))
      return W.str();
    W = Words[I];
    if (!Short.empty() && W.consume_front(Short) && !W.empty() &&
        llvm::isDigit(W.front()))
      return W.str();
  }
  return std::nullopt;
}

/// The position of the word naming program \p Name (`uvicorn`,
/// `/usr/bin/celery`, `python -m celery`).
std::optional<size_t> programAt(llvm::ArrayRef<std::string> Words,
                                llvm::StringRef Name) {
  for (size_t I = 0; I < Words.size(); ++I)
    if (llvm::sys::path::filename(Words[I]) == Name)
      return I;
  return std::nullopt;
}

std::optional<std::string> fromEnvironment(const Environment &Env,
                                           llvm::StringRef Name) {
  for (const auto &[Key, Value] : Env)
    if (Key == Name)
      return Value;
  return std::nullopt;
}

} // namespace

std::optional<int64_t> parseCount(llvm::StringRef Text) {
  Text = Text.trim().trim("'\"");
  int64_t Value = 0;
  if (Text.getAsInteger(10, Value) || Value < 0 || Value > CountLimit)
    return std::nullopt;
  return Value;
}

bool imageIs(llvm::StringRef Image, llvm::StringRef Name) {
  Image = Image.split('@').first;
  llvm::StringRef Last = Image.rsplit('/').second;
  if (Last.empty())
    Last = Image;
  Last = Last.split(':').first;
  return Last == Name;
}

std::vector<std::string> commandWords(llvm::ArrayRef<std::string> Parts) {
  std::vector<std::string> Words;
  for (const std::string &Part : Parts)
    splitWords(Part, Words);
  return Words;
}

std::optional<ProcessCount> processesOfCommand(llvm::ArrayRef<std::string> Words,
                                               const Environment &Env,
                                               std::string &Problem) {
  for (llvm::StringRef Server : {"uvicorn", "gunicorn"}) {
    std::optional<size_t> At = programAt(Words, Server);
    if (!At)
      continue;
    ProcessCount Count;
    // gunicorn's threaded worker: N threads in each process share its pool.
    if (Server == "gunicorn")
      if (std::optional<std::string> Threads =
              optionValue(Words, *At + 1, "--threads", "")) {
        std::optional<int64_t> N = parseCount(*Threads);
        if (!N || *N == 0) {
          Problem = "gunicorn runs '" + *Threads +
                    "' threads, which is not a count";
          return std::nullopt;
        }
        Count.Threads = *N;
      }
    auto WithThreads = [&](std::string Evidence) {
      return Count.Threads ? Evidence + " --threads " +
                                 std::to_string(*Count.Threads)
                           : Evidence;
    };
    std::optional<std::string> Workers = optionValue(
        Words, *At + 1, "--workers", Server == "gunicorn" ? "-w" : "");
    std::string Evidence =
        Server.str() + " --workers " + Workers.value_or("");
    if (!Workers) {
      Workers = fromEnvironment(Env, "WEB_CONCURRENCY");
      Evidence = Server.str() + ", WEB_CONCURRENCY=" + Workers.value_or("");
    }
    if (!Workers) {
      Count.Evidence = WithThreads(Server.str());
      return Count;
    }
    std::optional<int64_t> N = parseCount(*Workers);
    if (!N || *N == 0) {
      Problem = Server.str() + " runs '" + *Workers +
                "' workers, which is not a count";
      return std::nullopt;
    }
    Count.Processes = *N;
    Count.Evidence = WithThreads(Evidence);
    return Count;
  }
  if (std::optional<size_t> At = programAt(Words, "celery");
      At && llvm::is_contained(llvm::ArrayRef(Words).drop_front(*At), "worker")) {
    std::optional<std::string> Concurrency =
        optionValue(Words, *At + 1, "--concurrency", "-c");
    std::string Pool =
        optionValue(Words, *At + 1, "--pool", "-P").value_or("prefork");
    if (!Concurrency) {
      Problem = "celery worker without --concurrency runs one process per "
                "CPU of the machine it lands on; give the count in "
                "x-session-lint (processes: N) or the session-lint/processes "
                "annotation";
      return std::nullopt;
    }
    std::optional<int64_t> N = parseCount(*Concurrency);
    if (!N || *N == 0) {
      Problem = "celery worker runs '" + *Concurrency +
                "' workers, which is not a count";
      return std::nullopt;
    }
    ProcessCount Count;
    if (Pool == "prefork" || Pool == "processes") {
      // The main process keeps a pool of its own besides its children.
      Count.Processes = *N + 1;
      Count.Evidence = "celery worker --concurrency=" + std::to_string(*N) +
                       ": 1 main + " + std::to_string(*N) + " children";
    } else {
      Count.Threads = *N;
      Count.Evidence = "celery worker --pool=" + Pool +
                       " --concurrency=" + std::to_string(*N) + ": " +
                       std::to_string(*N) + " workers in one process";
    }
    return Count;
  }
  return std::nullopt;
}

PostgresCommand postgresCommand(llvm::ArrayRef<std::string> Words) {
  PostgresCommand Result;
  std::optional<size_t> At = programAt(Words, "postgres");
  if (!At)
    return Result;
  Result.RunsPostgres = true;
  auto Setting = [&](llvm::StringRef Assignment) {
    auto [Name, Value] = Assignment.split('=');
    Name = Name.trim();
    if (Name == "max_connections" || Name == "max-connections") {
      Result.MaxConnections = parseCount(Value);
      Result.MaxConnectionsWords = "-c " + Assignment.str();
    } else if (Name == "config_file" || Name == "config-file") {
      Result.ConfigFile = Value.trim().trim("'\"").str();
    }
  };
  for (size_t I = *At + 1; I < Words.size(); ++I) {
    llvm::StringRef W = Words[I];
    if ((W == "-c" || W == "--set") && I + 1 < Words.size())
      Setting(Words[++I]);
    else if (W.consume_front("-c") || W.consume_front("--"))
      Setting(W);
    else if (Words[I] == "-N" && I + 1 < Words.size()) {
      Result.MaxConnections = parseCount(Words[++I]);
      Result.MaxConnectionsWords = "-N " + Words[I];
    }
  }
  return Result;
}

std::optional<int64_t> maxConnectionsInConf(llvm::StringRef Text) {
  std::optional<int64_t> Found;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.split('#').first.trim();
    auto [Name, Value] = Line.split('=');
    if (Value.empty()) // `max_connections 100` is also the server's syntax
      std::tie(Name, Value) = Line.split(' ');
    if (Name.trim() == "max_connections")
      if (std::optional<int64_t> N = parseCount(Value))
        Found = N;
  }
  return Found;
}

} // namespace session_lint
