#pragma once

#include <QStringList>

namespace Dps::Cli {

// Exit codes scripts can rely on (README "Command line").
enum ExitCode {
    Success = 0,
    OperationFailed = 1,  // Azure answered with an error, or an operation failed
    UsageError = 2,       // bad arguments or input that failed validation / pre-flight checks
    AuthenticationFailed = 3,
    Cancelled = 130,      // SIGINT / SIGTERM
};

// True when argv asks for a command-line verb (setup, show, list) rather than the desktop app.
bool isCommandLineInvocation(const QStringList &arguments);

// Runs `dps-setup <verb> ...` inside an existing QCoreApplication; returns the exit code.
// Progress goes to stderr, results (and --json documents) to stdout.
int run(const QStringList &arguments);

} // namespace Dps::Cli
