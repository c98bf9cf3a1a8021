// arm-sandbox: runs the local ARM + Entra ID emulator until SIGTERM/SIGINT.
#include "Sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}

bool parseLro(const QString &text, Dps::Sandbox::SandboxOptions *o)
{
    const auto parts = text.split(QLatin1Char(','));
    if (parts.size() != 3)
        return false;
    int values[3];
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        const double v = parts[i].trimmed().toDouble(&ok);
        if (!ok || v < 0 || v > 3600)
            return false;
        values[i] = int(v * 1000);
    }
    o->lroDpsMs = values[0];
    o->lroHubMs = values[1];
    o->lroUpdateMs = values[2];
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("arm-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Local Azure Resource Manager + Microsoft Entra ID emulator for DPS Setup (loopback only)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (0 picks a free one)."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption world(QStringLiteral("world"), QStringLiteral("empty, demo or scale:SUBSCRIPTIONS:RESOURCES."), QStringLiteral("WORLD"), QStringLiteral("demo"));
    const QCommandLineOption infoFile(QStringLiteral("info-file"), QStringLiteral("Write endpoints, tenants, subscriptions and credentials here once listening."), QStringLiteral("PATH"));
    const QCommandLineOption stateFile(QStringLiteral("state"), QStringLiteral("Keep the world in this file across restarts."), QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate: serve HTTPS."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("PEM private key for --tls-cert."), QStringLiteral("FILE"));
    const QCommandLineOption lro(QStringLiteral("lro-seconds"), QStringLiteral("Durations of a DPS creation, a hub creation and any later update, in seconds (default 2,3,1)."), QStringLiteral("DPS,HUB,UPDATE"));
    const QCommandLineOption tokenLifetime(QStringLiteral("token-lifetime"), QStringLiteral("Access token lifetime in seconds (default 3600)."), QStringLiteral("SECONDS"));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("Items per page of every list (default 100)."), QStringLiteral("N"));
    const QCommandLineOption autoApprove(QStringLiteral("auto-approve"), QStringLiteral("Sign the user in on /authorize without showing the sign-in page (tests)."));
    const QCommandLineOption registerSeconds(QStringLiteral("register-seconds"), QStringLiteral("How long a provider registration takes (default 3)."), QStringLiteral("SECONDS"));
    const QCommandLineOption refreshLifetime(QStringLiteral("refresh-token-lifetime"), QStringLiteral("Refresh token lifetime in seconds (default 90 days)."), QStringLiteral("SECONDS"));
    const QCommandLineOption deviceInterval(QStringLiteral("device-code-interval"), QStringLiteral("Device code polling interval in seconds (default 5)."), QStringLiteral("SECONDS"));
    const QCommandLineOption deviceExpiry(QStringLiteral("device-code-expiry"), QStringLiteral("Device code lifetime in seconds (default 900)."), QStringLiteral("SECONDS"));
    parser.addOptions({port, world, infoFile, stateFile, tlsCert, tlsKey, lro, tokenLifetime, pageSize, autoApprove, registerSeconds,
                       refreshLifetime, deviceInterval, deviceExpiry});
    parser.process(app);

    QTextStream err(stderr);
    auto usageError = [&](const QString &message) {
        err << "arm-sandbox: " << message << Qt::endl;
        return 2;
    };

    Dps::Sandbox::SandboxOptions options;
    bool ok = false;
    const int portValue = parser.value(port).toInt(&ok);
    if (!ok || portValue < 0 || portValue > 65535)
        return usageError(QStringLiteral("--port needs a number from 0 to 65535."));
    options.port = quint16(portValue);
    options.world = parser.value(world);
    options.infoFile = parser.value(infoFile);
    options.stateFile = parser.value(stateFile);
    options.tlsCert = parser.value(tlsCert);
    options.tlsKey = parser.value(tlsKey);
    if (parser.isSet(lro) && !parseLro(parser.value(lro), &options))
        return usageError(QStringLiteral("--lro-seconds needs three numbers of seconds (0-3600), e.g. 3,6,2."));
    if (parser.isSet(tokenLifetime)) {
        options.tokenLifetimeSec = parser.value(tokenLifetime).toInt(&ok);
        if (!ok || options.tokenLifetimeSec < 1)
            return usageError(QStringLiteral("--token-lifetime needs a positive number of seconds."));
    }
    if (parser.isSet(pageSize)) {
        options.pageSize = parser.value(pageSize).toInt(&ok);
        if (!ok || options.pageSize < 1 || options.pageSize > 1000)
            return usageError(QStringLiteral("--page-size needs a number from 1 to 1000."));
    }
    if (parser.isSet(registerSeconds)) {
        const double v = parser.value(registerSeconds).toDouble(&ok);
        if (!ok || v < 0)
            return usageError(QStringLiteral("--register-seconds needs a non-negative number."));
        options.providerRegisterMs = int(v * 1000);
    }
    if (parser.isSet(refreshLifetime)) {
        options.refreshTokenLifetimeSec = parser.value(refreshLifetime).toInt(&ok);
        if (!ok || options.refreshTokenLifetimeSec < 1)
            return usageError(QStringLiteral("--refresh-token-lifetime needs a positive number of seconds."));
    }
    if (parser.isSet(deviceInterval)) {
        options.deviceCodeIntervalSec = parser.value(deviceInterval).toInt(&ok);
        if (!ok || options.deviceCodeIntervalSec < 0 || options.deviceCodeIntervalSec > 3600)
            return usageError(QStringLiteral("--device-code-interval needs a number of seconds from 0 to 3600."));
    }
    if (parser.isSet(deviceExpiry)) {
        options.deviceCodeExpirySec = parser.value(deviceExpiry).toInt(&ok);
        if (!ok || options.deviceCodeExpirySec < 1 || options.deviceCodeExpirySec > 86400)
            return usageError(QStringLiteral("--device-code-expiry needs a number of seconds from 1 to 86400."));
    }
    options.autoApprove = parser.isSet(autoApprove);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return usageError(QStringLiteral("cannot set up signal handling."));
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);

    Dps::Sandbox::Sandbox sandbox(options);
    QString error;
    if (!sandbox.start(&error)) {
        err << "arm-sandbox: " << error << Qt::endl;
        return 1;
    }
    err << "arm-sandbox listening on " << sandbox.baseUrl().toString() << " (world: " << options.world << ")" << Qt::endl;
    const int rc = app.exec();
    sandbox.persist();
    err << "arm-sandbox stopped" << Qt::endl;
    return rc;
}
