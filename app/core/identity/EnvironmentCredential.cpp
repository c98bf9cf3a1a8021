#include "EnvironmentCredential.h"

#include "http/Policies.h"

#include <QCoreApplication>

namespace Dps::Identity {

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QUrl authorityFromEnvironment(const QString &value)
{
    // azure-identity's AzureAuthorityHosts carry the scheme; accept a bare host name too.
    const QString trimmed = value.trimmed();
    if (trimmed.contains(QLatin1String("://")))
        return QUrl(trimmed);
    return QUrl(QStringLiteral("https://") + trimmed + QLatin1Char('/'));
}

} // namespace

std::shared_ptr<ClientSecretCredential> makeEnvironmentCredential(
    std::shared_ptr<Http::Pipeline> tokenPipeline,
    const QUrl &defaultAuthorityHost,
    QString *error,
    const QProcessEnvironment &environment,
    std::shared_ptr<Http::Clock> clock)
{
    const QString tenantId = environment.value(QStringLiteral("AZURE_TENANT_ID")).trimmed();
    const QString clientId = environment.value(QStringLiteral("AZURE_CLIENT_ID")).trimmed();
    const QString secret = environment.value(
        QStringLiteral("AZURE_CLIENT_SECRET")); // as given: may end in spaces
    const QString authority = environment.value(QStringLiteral("AZURE_AUTHORITY_HOST"));

    QStringList missing;
    if (tenantId.isEmpty())
        missing << QStringLiteral("AZURE_TENANT_ID");
    if (clientId.isEmpty())
        missing << QStringLiteral("AZURE_CLIENT_ID");
    if (secret.isEmpty())
        missing << QStringLiteral("AZURE_CLIENT_SECRET");
    if (!missing.isEmpty()) {
        if (secret.isEmpty()
            && environment.contains(QStringLiteral("AZURE_CLIENT_CERTIFICATE_PATH"))) {
            setError(error,
                     QCoreApplication::translate("Dps::Identity::EnvironmentCredential",
                                                 "AZURE_CLIENT_CERTIFICATE_PATH is set, but "
                                                 "signing in with a certificate is not "
                                                 "supported yet. Set AZURE_CLIENT_SECRET to the "
                                                 "service principal's client secret."));
        } else {
            setError(error,
                     QCoreApplication::translate("Dps::Identity::EnvironmentCredential",
                                                 "To sign in with a service principal, set "
                                                 "AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                                                 "AZURE_CLIENT_SECRET. Missing: %1.")
                         .arg(missing.join(QStringLiteral(", "))));
        }
        return nullptr;
    }
    if (!TokenEndpoint::isValidTenant(tenantId)) {
        setError(error,
                 QCoreApplication::translate(
                     "Dps::Identity::EnvironmentCredential",
                     "AZURE_TENANT_ID (\"%1\") is not a tenant ID or domain name.")
                     .arg(tenantId.left(100)));
        return nullptr;
    }
    const QUrl authorityHost = authority.trimmed().isEmpty() ? defaultAuthorityHost
                                                             : authorityFromEnvironment(authority);
    if (!authorityHost.isValid() || !Http::isSecureOrLoopback(authorityHost)) {
        setError(error,
                 QCoreApplication::translate("Dps::Identity::EnvironmentCredential",
                                             "The sign-in address \"%1\" (AZURE_AUTHORITY_HOST) "
                                             "must be an https URL such as "
                                             "https://login.microsoftonline.com/.")
                     .arg(authorityHost.toString(QUrl::RemoveUserInfo)));
        return nullptr;
    }
    auto endpoint = std::make_shared<TokenEndpoint>(std::move(tokenPipeline), authorityHost, clock);
    return std::make_shared<ClientSecretCredential>(std::move(endpoint),
                                                    tenantId,
                                                    clientId,
                                                    secret,
                                                    std::move(clock));
}

std::shared_ptr<ClientSecretCredential> makeSandboxCredential(
    std::shared_ptr<Http::Pipeline> tokenPipeline,
    const QJsonObject &sandboxInfo,
    QString *error,
    std::shared_ptr<Http::Clock> clock)
{
    const QJsonObject sp = sandboxInfo.value(QStringLiteral("servicePrincipal")).toObject();
    const QString tenantId = sp.value(QStringLiteral("tenantId")).toString();
    const QString clientId = sp.value(QStringLiteral("clientId")).toString();
    const QString secret = sp.value(QStringLiteral("clientSecret")).toString();
    const QUrl authorityHost(sandboxInfo.value(QStringLiteral("authorityHost")).toString());
    if (tenantId.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
        setError(error,
                 QCoreApplication::translate("Dps::Identity::EnvironmentCredential",
                                             "The sandbox's info file has no service principal."));
        return nullptr;
    }
    if (!authorityHost.isValid() || !Http::isSecureOrLoopback(authorityHost)) {
        setError(
            error,
            QCoreApplication::translate("Dps::Identity::EnvironmentCredential",
                                        "The sandbox's info file has no usable authorityHost."));
        return nullptr;
    }
    auto endpoint = std::make_shared<TokenEndpoint>(std::move(tokenPipeline), authorityHost, clock);
    return std::make_shared<ClientSecretCredential>(std::move(endpoint),
                                                    tenantId,
                                                    clientId,
                                                    secret,
                                                    std::move(clock));
}

} // namespace Dps::Identity
