#include "Cloud.h"

#include "http/Policies.h"

#include <QCoreApplication>
#include <QFile>

namespace Dps::Arm {

namespace {

const QString kPublicScope = QStringLiteral("https://management.azure.com/.default");

// What is wrong with one endpoint of the cloud, or empty. `what` is already translated.
QString checkEndpoint(const QUrl &url, const QString &what)
{
    if (url.isEmpty())
        return QCoreApplication::translate("Dps::Arm::Cloud", "The %1 is missing.").arg(what);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QCoreApplication::translate("Dps::Arm::Cloud",
                                           "The %1 \"%2\" is not a valid absolute URL, such as "
                                           "https://management.azure.com/.")
            .arg(what, url.toString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QCoreApplication::translate("Dps::Arm::Cloud",
                                           "The %1 \"%2\" must start with https://.")
            .arg(what, url.toString());
    // Tokens travel in these requests: plain http only where nothing leaves the machine.
    if (scheme == QLatin1String("http") && !Http::isLoopback(url))
        return QCoreApplication::translate(
                   "Dps::Arm::Cloud",
                   "The %1 \"%2\" uses plain http. Use https: only the local sandbox (127.0.0.1, "
                   "::1 or localhost) may use http.")
            .arg(what, url.toString());
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate(
                   "Dps::Arm::Cloud", "The %1 \"%2\" must not contain a user name or password.")
            .arg(what, url.toString(QUrl::RemoveUserInfo));
    return {};
}

QUrl withTrailingSlash(QUrl url)
{
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    return url;
}

} // namespace

Cloud Cloud::azurePublic()
{
    Cloud c;
    c.kind = Kind::Public;
    c.name = QStringLiteral("AzureCloud");
    c.armEndpoint = QUrl(QStringLiteral("https://management.azure.com/"));
    c.authorityHost = QUrl(QStringLiteral("https://login.microsoftonline.com/"));
    c.armScope = kPublicScope;
    c.portalUrl = QUrl(QStringLiteral("https://portal.azure.com/"));
    return c;
}

Cloud Cloud::azureChina()
{
    Cloud c;
    c.kind = Kind::China;
    c.name = QStringLiteral("AzureChinaCloud");
    c.armEndpoint = QUrl(QStringLiteral("https://management.chinacloudapi.cn/"));
    c.authorityHost = QUrl(QStringLiteral("https://login.chinacloudapi.cn/"));
    c.armScope = QStringLiteral(
        "https://management.core.chinacloudapi.cn/.default"); // azure-arm.md 9
    c.portalUrl = QUrl(QStringLiteral("https://portal.azure.cn/"));
    return c;
}

Cloud Cloud::azureUsGovernment()
{
    Cloud c;
    c.kind = Kind::UsGovernment;
    c.name = QStringLiteral("AzureUSGovernment");
    c.armEndpoint = QUrl(QStringLiteral("https://management.usgovcloudapi.net/"));
    c.authorityHost = QUrl(QStringLiteral("https://login.microsoftonline.us/"));
    c.armScope = QStringLiteral(
        "https://management.core.usgovcloudapi.net/.default"); // azure-arm.md 9
    c.portalUrl = QUrl(QStringLiteral("https://portal.azure.us/"));
    return c;
}

Cloud Cloud::custom(const QUrl &armEndpoint, const QUrl &authorityHost, const QString &armScope)
{
    Cloud c;
    c.kind = Kind::Custom;
    c.name = QStringLiteral("Custom");
    c.armEndpoint = withTrailingSlash(armEndpoint);
    c.authorityHost = withTrailingSlash(authorityHost);
    // Azure Stack and private clouds take their ARM endpoint as the token audience.
    c.armScope = armScope.isEmpty()
                     ? c.armEndpoint.toString(QUrl::RemoveQuery | QUrl::RemoveFragment)
                           + QStringLiteral(".default")
                     : armScope;
    return c;
}

Cloud Cloud::sandbox(const QJsonObject &info)
{
    Cloud c;
    c.kind = Kind::Sandbox;
    c.name = QStringLiteral("Sandbox");
    c.armEndpoint = withTrailingSlash(QUrl(info.value(QStringLiteral("armEndpoint")).toString()));
    const QString authority = info.value(QStringLiteral("authorityHost")).toString();
    c.authorityHost = authority.isEmpty() ? c.armEndpoint : withTrailingSlash(QUrl(authority));
    c.armScope = info.value(QStringLiteral("scope")).toString(kPublicScope);
    // Its self-signed certificate when it serves https: inline PEM or a file next to the info file.
    const QByteArray pem = info.value(QStringLiteral("caCertificate")).toString().toLatin1();
    if (!pem.isEmpty())
        c.extraCaCertificates = QSslCertificate::fromData(pem, QSsl::Pem);
    const QString certFile = info.value(QStringLiteral("caCertificateFile")).toString();
    if (!certFile.isEmpty())
        c.extraCaCertificates += QSslCertificate::fromPath(certFile, QSsl::Pem);
    return c;
}

bool Cloud::fromName(const QString &name, Cloud *out)
{
    Q_ASSERT(out);
    if (!out)
        return false;
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("public") || n == QLatin1String("azurecloud")
        || n == QLatin1String("azure")) {
        *out = azurePublic();
    } else if (n == QLatin1String("china") || n == QLatin1String("azurechinacloud")) {
        *out = azureChina();
    } else if (n == QLatin1String("usgov") || n == QLatin1String("azureusgovernment")
               || n == QLatin1String("usgovernment")) {
        *out = azureUsGovernment();
    } else if (n == QLatin1String("sandbox")) {
        // The endpoints come from the sandbox's info file (Cloud::sandbox).
        out->kind = Kind::Sandbox;
        out->name = QStringLiteral("Sandbox");
    } else {
        return false;
    }
    return true;
}

QString Cloud::validate() const
{
    QString problem = checkEndpoint(armEndpoint,
                                    QCoreApplication::translate("Dps::Arm::Cloud",
                                                                "Azure Resource Manager endpoint"));
    if (problem.isEmpty())
        problem = checkEndpoint(authorityHost,
                                QCoreApplication::translate("Dps::Arm::Cloud", "sign-in authority"));
    // A sandbox info file is a file anyone can write: its endpoints must be this computer, or a
    // sandbox "cloud" would send the sandbox's credentials (and trust its CA) for any host it names.
    if (problem.isEmpty() && kind == Kind::Sandbox) {
        for (const QUrl &url : {armEndpoint, authorityHost}) {
            if (!Http::isLoopback(url)) {
                problem = QCoreApplication::translate("Dps::Arm::Cloud",
                                                      "The local sandbox's endpoint \"%1\" is not on this computer: a "
                                                      "sandbox may only use 127.0.0.1, ::1 or localhost.")
                              .arg(url.toString());
                break;
            }
        }
    }
    if (problem.isEmpty() && armScope.trimmed().isEmpty())
        problem
            = QCoreApplication::translate("Dps::Arm::Cloud",
                                          "The token scope for Azure Resource Manager is missing "
                                          "(for example https://management.azure.com/.default).");
    return problem;
}

} // namespace Dps::Arm
