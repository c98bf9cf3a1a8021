// "Use my Azure CLI login" (entra-auth-and-secrets.md section 3; azure-identity
// src/azure_cli_credential.cpp). azure-identity runs the command through /bin/sh -c; here QProcess gets
// an argument list, so nothing is parsed by a shell and there is nothing to sanitise beyond refusing
// values az itself would read as options:
//
//   az account get-access-token --output json --resource <scope minus /.default> [--tenant <id>]
//     env AZURE_CORE_NO_COLOR=true, stdin /dev/null, cwd / (not a folder an attacker could plant az in)
//   exit 0 ─► {accessToken, expires_on (POSIX s; CLI >= 2.54) | expiresOn (local time), tenant}
//   failed to start / exit 127 ─► "not installed";  stderr "az login" ─► "not signed in";
//   else ─► stderr with anything token-like redacted.   Timeout ─► killed.
// stdout holds the token: it is never logged.
#include "SignIn.h"
#include "SignInSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace Dps::Identity {

namespace {

constexpr int kDefaultTimeoutMs = 20000;

struct CliState
{
    QString azProgram;
    QString resolved; // absolute path, or empty when az is not installed
    bool resolvedOnce = false;
    QString defaultTenant;
    QString lastTenant; // what az reported, when no tenant was asked for
    std::shared_ptr<Http::Clock> clock;
    int timeoutMs = kDefaultTimeoutMs;
    TokenCache cache;
    std::shared_ptr<PendingTokenRequests> pending = std::make_shared<PendingTokenRequests>();
    QObject processes; // parent of the az processes running
};

// az's output and errors may quote the token; nothing token-like leaves this file.
QString redacted(QString text)
{
    static const QRegularExpression accessToken(
        QStringLiteral("(\"accessToken\"\\s*:\\s*\")[^\"]*(\")"));
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"));
    text.replace(accessToken, QStringLiteral("\\1****\\2"));
    text.replace(jwt, QStringLiteral("****"));
    return text;
}

AuthError notInstalled()
{
    return Detail::makeError(QStringLiteral("azure_cli_not_installed"));
}

AuthError classify(int exitCode, const QString &stderrText)
{
    const QString text = redacted(stderrText).trimmed();
    if (exitCode == 127 || text.contains(QLatin1String("'az' is not recognized"))
        || text.contains(QLatin1String("az: not found")))
        return notInstalled();
    AuthError e;
    e.description = text.left(1000);
    // Not signed in, or the login expired: az says "Please run 'az login' to setup account." (or
    // "az account set" for a subscription it doesn't know).
    if (text.contains(QLatin1String("az login")) || text.contains(QLatin1String("az account set")))
        e.error = QStringLiteral("azure_cli_not_logged_in");
    else
        e.error = QStringLiteral("azure_cli_failed");
    // az quotes Entra's error: "AADSTS50076: ..." keeps its meaning (MFA, Conditional Access).
    static const QRegularExpression aadsts(QStringLiteral("AADSTS(\\d+)"));
    auto it = aadsts.globalMatch(text);
    while (it.hasNext()) {
        const int code = it.next().captured(1).toInt();
        if (!e.aadstsCodes.contains(code))
            e.aadstsCodes.append(code);
    }
    return e;
}

// expires_on: POSIX seconds (number or string); else expiresOn: local time "yyyy-MM-dd hh:mm:ss.ffffff".
qint64 expiryMs(const QJsonObject &json)
{
    const QJsonValue posix = json.value(QStringLiteral("expires_on"));
    if (posix.isDouble())
        return qint64(posix.toDouble()) * 1000;
    if (posix.isString()) {
        bool ok = false;
        const qint64 seconds = posix.toString().toLongLong(&ok);
        if (ok)
            return seconds * 1000;
    }
    const QString local = json.value(QStringLiteral("expiresOn")).toString().trimmed();
    if (local.size() < 19)
        return -1;
    QDateTime when = QDateTime::fromString(local.left(19), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::LocalTime);
    qint64 ms = when.toMSecsSinceEpoch();
    if (local.size() > 20 && local.at(19) == QLatin1Char('.'))
        ms += local.mid(20, 3).leftJustified(3, QLatin1Char('0')).toInt();
    return ms;
}

void resolve(CliState &state)
{
    if (state.resolvedOnce)
        return;
    state.resolvedOnce = true;
    if (state.azProgram.contains(QLatin1Char('/')) || state.azProgram.contains(QLatin1Char('\\'))) {
        const QFileInfo info(state.azProgram);
        if (info.isFile() && info.isExecutable())
            state.resolved = info.absoluteFilePath();
    } else {
        state.resolved = QStandardPaths::findExecutable(state.azProgram);
    }
    qCDebug(lcIdentity).noquote() << "Azure CLI:"
                                  << (state.resolved.isEmpty() ? QStringLiteral("not found")
                                                               : state.resolved);
}

} // namespace

struct AzureCliCredential::Private
{
    std::shared_ptr<CliState> state;

    void run(const QString &key,
             const QString &tenant,
             const QString &scope,
             const QString &resource);
};

AzureCliCredential::AzureCliCredential(QString azProgram,
                                       QString defaultTenant,
                                       std::shared_ptr<Http::Clock> clock)
    : d(std::make_unique<Private>())
{
    d->state = std::make_shared<CliState>();
    d->state->azProgram = std::move(azProgram);
    d->state->defaultTenant = std::move(defaultTenant);
    d->state->clock = std::move(clock);
    Q_ASSERT(d->state->clock);
}

AzureCliCredential::~AzureCliCredential()
{
    // Stop what still runs without calling back (the callers go away with the credential); QProcess
    // would otherwise wait for it and emit finished() into a half-destroyed credential.
    const auto running = d->state->processes.findChildren<QProcess *>(Qt::FindDirectChildrenOnly);
    for (QProcess *process : running) {
        process->disconnect();
        process->kill();
        process->waitForFinished(2000);
        delete process;
    }
    d->state->pending->clear();
}

bool AzureCliCredential::isAvailable(const QString &azProgram)
{
    CliState probe;
    probe.azProgram = azProgram;
    resolve(probe);
    return !probe.resolved.isEmpty();
}

void AzureCliCredential::setTimeoutMs(int ms)
{
    d->state->timeoutMs = ms;
}

QString AzureCliCredential::defaultTenantId() const
{
    return d->state->defaultTenant.isEmpty() ? d->state->lastTenant : d->state->defaultTenant;
}

void AzureCliCredential::getToken(const TokenRequest &request, TokenCallback done)
{
    CliState &state = *d->state;
    const QString tenant = request.tenantId.isEmpty() ? state.defaultTenant : request.tenantId;
    if (request.scopes.size() != 1) {
        done(std::nullopt,
             Detail::makeError(QStringLiteral("invalid_scope"),
                               QStringLiteral("the Azure CLI takes exactly one scope")));
        return;
    }
    const QString scope = request.scopes.first();
    QString resource = scope;
    if (resource.endsWith(QLatin1String("/.default")))
        resource.chop(int(qstrlen("/.default")));
    // No shell, but az parses its own arguments: nothing that could pass for an option.
    static const QRegularExpression safeResource(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9:/._~-]*$"));
    if (!safeResource.match(resource).hasMatch()) {
        done(std::nullopt, Detail::makeError(QStringLiteral("invalid_scope"), scope.left(200)));
        return;
    }
    if (!tenant.isEmpty() && !TokenEndpoint::isValidTenant(tenant)) {
        done(std::nullopt, Detail::makeError(QStringLiteral("invalid_tenant"), tenant.left(100)));
        return;
    }
    if (!request.forceRefresh) {
        if (auto token = state.cache.find(tenant, scope, state.clock->nowMs())) {
            done(token, AuthError{});
            return;
        }
    }
    if (request.cancellation && request.cancellation->isCancelled()) {
        done(std::nullopt, Detail::makeError(QStringLiteral("cancelled")));
        return;
    }
    resolve(state);
    if (state.resolved.isEmpty()) {
        done(std::nullopt, notInstalled());
        return;
    }

    const QString key = TokenCache::key(tenant, scope);
    if (state.pending->add(key, std::move(done), false, request.cancellation))
        d->run(key, tenant, scope, resource);
}

void AzureCliCredential::Private::run(const QString &key,
                                      const QString &tenant,
                                      const QString &scope,
                                      const QString &resource)
{
    QStringList arguments{QStringLiteral("account"),
                          QStringLiteral("get-access-token"),
                          QStringLiteral("--output"),
                          QStringLiteral("json"),
                          QStringLiteral("--resource"),
                          resource};
    if (!tenant.isEmpty())
        arguments << QStringLiteral("--tenant") << tenant;

    auto *process = new QProcess(&state->processes);
    QString program = state->resolved;
    QString workingDirectory = QDir::rootPath();
#ifdef Q_OS_WIN
    // az is az.cmd: batch files run through cmd, and every argument was checked above.
    const QString suffix = QFileInfo(program).suffix().toLower();
    if (suffix == QLatin1String("cmd") || suffix == QLatin1String("bat")) {
        arguments = QStringList{QStringLiteral("/d"), QStringLiteral("/c"), program} + arguments;
        program = QStringLiteral("cmd.exe");
    }
    const QString systemRoot = qEnvironmentVariable("SYSTEMROOT");
    if (!systemRoot.isEmpty())
        workingDirectory = systemRoot;
#endif
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AZURE_CORE_NO_COLOR"), QStringLiteral("true"));
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setWorkingDirectory(workingDirectory);
    process->setProgram(program);
    process->setArguments(arguments);

    qCDebug(lcIdentity).noquote() << "Running az account get-access-token for resource" << resource
                                  << "tenant"
                                  << (tenant.isEmpty() ? QStringLiteral("(default)") : tenant);

    // Raw pointer: the connections below die with the process, and the process with the state.
    CliState *s = state.get();
    auto timedOut = std::make_shared<bool>(false);
    auto finish = [s, process, key, tenant, scope](const std::optional<AccessToken> &token,
                                                   const AuthError &error) {
        // Off the list the destructor stops: a caller may delete the credential from its callback,
        // and this process is still inside its own signal.
        process->disconnect();
        process->setParent(nullptr);
        process->deleteLater();
        if (token)
            s->cache.store(tenant, scope, *token);
        s->pending->finish(key, token, std::nullopt, error);
    };

    QObject::connect(process,
                     &QProcess::errorOccurred,
                     process,
                     [process, finish](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // Crashed and friends also end in finished()
                         qCInfo(lcIdentity).noquote()
                             << "The Azure CLI could not be started:" << process->errorString();
                         finish(std::nullopt, notInstalled());
                     });
    QObject::connect(
        process,
        &QProcess::finished,
        process,
        [s, process, tenant, timedOut, finish](int exitCode, QProcess::ExitStatus status) {
            const QByteArray out = process->readAllStandardOutput(); // never logged
            const QString err = QString::fromLocal8Bit(process->readAllStandardError());
            if (*timedOut) {
                AuthError e = Detail::makeError(QStringLiteral("azure_cli_timeout"));
                e.description = QString::number(qMax(1, s->timeoutMs / 1000));
                finish(std::nullopt, e);
                return;
            }
            if (status != QProcess::NormalExit || exitCode != 0) {
                const AuthError e = classify(status == QProcess::NormalExit ? exitCode : -1, err);
                qCInfo(lcIdentity).noquote() << "az account get-access-token failed with exit code"
                                             << exitCode << "(" << e.error << ")";
                finish(std::nullopt, e);
                return;
            }
            const QJsonObject json = QJsonDocument::fromJson(out).object();
            AccessToken token;
            token.token = json.value(QStringLiteral("accessToken")).toString();
            token.expiresOnMs = expiryMs(json);
            token.tenantId = json.value(QStringLiteral("tenant")).toString();
            if (token.tenantId.isEmpty())
                token.tenantId = tenant;
            if (token.token.isEmpty() || token.expiresOnMs <= 0) {
                qCWarning(lcIdentity) << "az account get-access-token printed no token or expiry";
                finish(std::nullopt,
                       Detail::makeError(QStringLiteral("invalid_response"),
                                         QStringLiteral("az printed no accessToken or expiry")));
                return;
            }
            if (tenant.isEmpty())
                s->lastTenant = token.tenantId;
            qCDebug(lcIdentity).noquote()
                << "Got a token from the Azure CLI for tenant" << token.tenantId;
            finish(token, AuthError{});
        });
    state->clock->callLater(state->timeoutMs, process, [process, timedOut] {
        if (process->state() == QProcess::NotRunning)
            return;
        qCInfo(lcIdentity) << "az account get-access-token did not finish in time; stopping it";
        *timedOut = true;
        process->kill();
    });
    process->start();
}

} // namespace Dps::Identity
