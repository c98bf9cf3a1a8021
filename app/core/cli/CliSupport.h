#pragma once

// Internals shared by the command-line verbs (CommandLine.cpp: setup, show, list; AccountCommands.cpp:
// login, logout, account). Not an API.
#include "CommandLine.h"

#include "Sandbox.h"
#include "arm/ArmClient.h"
#include "arm/Cloud.h"
#include "http/Policies.h"
#include "identity/AccountManager.h"
#include "secrets/KeychainSecretStore.h"
#include "services/AzureService.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <memory>
#include <optional>

namespace Dps::Cli::Detail {

QString tr(
    const char *text); // context "Dps::Cli::Detail", as lupdate files the calls in this namespace
QTextStream &err();
QTextStream &out();

// Where the identity of a command came from (README "Command line", precedence top down).
enum class IdentitySource { None, EnvironmentServicePrincipal, Account, SandboxServicePrincipal };

// Everything a command needs to talk to Azure: cloud, credential, pipeline, client, service; and the
// remembered accounts (AccountStore in the settings, secrets in the OS keychain).
struct Session
{
    std::unique_ptr<Sandbox::Sandbox> embedded;
    QJsonObject sandboxInfo;
    Arm::Cloud cloud;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::shared_ptr<Identity::AccountStore> accountStore;
    std::unique_ptr<Secrets::KeychainSecretStore> keychain;
    std::unique_ptr<Identity::AccountManager> accounts;
    std::shared_ptr<Identity::TokenCredential> credential;
    std::unique_ptr<Arm::ArmClient> client;
    std::unique_ptr<Services::AzureService> service;
    QString tenantId;
    IdentitySource identity = IdentitySource::None;
    std::optional<Identity::Account> account; // IdentitySource::Account
};

// --cloud, --sandbox-info, --arm-endpoint, --authority, --ca-cert, --tenant, --json, --verbose, --help;
// `withAccount` adds --account.
void addCommonOptions(QCommandLineParser &p, bool withAccount = true);
// The cloud options only (login: no --json of setup's shape, no --account).
void addCloudOptions(QCommandLineParser &p);

// Parses a command's arguments: -1 to go on; UsageError after printing the parser's complaint (also for
// a positional argument the command does not take: `positional` lists the words it takes, "*" for any),
// or Success after printing --help.
int parseArguments(QCommandLineParser &p, const QStringList &arguments, const QStringList &positional = {});
// Resolves the cloud from the options (may start an embedded sandbox). Returns an exit code on failure,
// else -1.
int resolveCloud(const QCommandLineParser &p, Session &s);
// --ca-cert on top of a cloud, then validate(). Exit code or -1.
int finishCloud(const QCommandLineParser &p, Session &s);
// Resolves the cloud and the identity (AZURE_* service principal > --account / remembered account >
// the sandbox's service principal), prints which identity is used on stderr, builds the pipeline.
// Returns an exit code on failure, else -1.
int openSession(const QCommandLineParser &p, Session &s);
// The accounts of this user (settings + OS keychain); created once per session.
void ensureAccounts(Session &s);
Http::PipelineOptions pipelineOptions(const Arm::Cloud &cloud);

int exitCodeFor(const Arm::ArmError &e);
int exitCodeFor(const Identity::AccountError &e);

// SIGINT/SIGTERM to a socket; the returned fd becomes readable on a signal (read one byte).
int signalReadFd();

// Returns `code` once the keychain writes of the session (a rotated refresh token) are done (at most a
// few seconds), running the event loop again if needed: a rotated token must not be lost on exit.
int finishSession(Session &s, int code);

// login, logout, account (AccountCommands.cpp).
int runLogin(const QStringList &arguments);
int runLogout(const QStringList &arguments);
int runAccount(const QStringList &arguments);

} // namespace Dps::Cli::Detail
