#pragma once

#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace Dps::Arm {

// Where ARM and Entra live for one cloud, and how tokens for ARM are asked for (azure-arm.md section 9).
struct Cloud
{
    enum class Kind { Public, China, UsGovernment, Custom, Sandbox };
    Kind kind = Kind::Public;
    QString name;           // "AzureCloud", "AzureChinaCloud", "AzureUSGovernment", "Custom", "Sandbox"
    QUrl armEndpoint;       // https://management.azure.com/
    QUrl authorityHost;     // https://login.microsoftonline.com/
    QString armScope;       // https://management.azure.com/.default
    QUrl portalUrl;         // https://portal.azure.com/ (empty for the sandbox)
    QList<QSslCertificate> extraCaCertificates; // sandbox over TLS with its own certificate (custom, sandbox)

    // The endpoints extraCaCertificates may vouch for: this cloud's ARM endpoint and authority, nothing else.
    QList<QUrl> endpoints() const { return {armEndpoint, authorityHost}; }

    static Cloud azurePublic();
    static Cloud azureChina();
    static Cloud azureUsGovernment();
    static Cloud custom(const QUrl &armEndpoint, const QUrl &authorityHost, const QString &armScope = {});
    // From arm-sandbox's info file JSON.
    static Cloud sandbox(const QJsonObject &info);
    // By name: public|azurecloud, china|azurechinacloud, usgov|azureusgovernment, sandbox.
    static bool fromName(const QString &name, Cloud *out);

    // Empty when usable, else what is wrong in words a person understands (https required except for
    // loopback; valid absolute URLs).
    QString validate() const;
};

} // namespace Dps::Arm
