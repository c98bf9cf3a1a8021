#pragma once

#include <QStringList>

namespace Dps::Cli {

// Exit codes scripts can rely on (README "Command line").
enum ExitCode {
    Success = 0,
    OperationFailed = 1,  // Azure answered with an error, or an operation failed
    UsageError = 2,       // bad arguments or input that failed validation / pre-flight checks
    AuthenticationFailed = 3, // no usable sign-in: none at all, rejected, revoked, or the keychain can't keep it
    Cancelled = 130,      // SIGINT / SIGTERM
};

// True when argv's first argument is a command rather than an option of the desktop app: a verb
// (setup, show, list, login, logout, account) or a word that run() refuses with the usage and exit 2.
bool isCommandLineInvocation(const QStringList &arguments);
// The verb `word` is most likely a typo of ("setpu" -> "setup"), or empty.
QString commandSuggestion(const QString &word);
// The one-paragraph usage printed for an unknown command or a bad option of the desktop app.
QString usage();

// Runs `dps-setup <verb> ...` inside an existing QCoreApplication; returns the exit code.
// Progress goes to stderr, results (and --json documents) to stdout.
//   dps-setup login [--browser|--device-code|--service-principal|--azure-cli] [cloud options] [--tenant T]
//                   [--client-id ID] [--login-hint USER] [--session-only] [--json]
//   dps-setup logout [--all] [--account ID|USERNAME]
//   dps-setup account list [--json] [--no-tenants]
// setup, show and list sign in with (top down): --account, the AZURE_* service principal variables,
// the last used remembered account, the sandbox's service principal (--cloud sandbox); they say which
// on stderr.
int run(const QStringList &arguments);

} // namespace Dps::Cli
