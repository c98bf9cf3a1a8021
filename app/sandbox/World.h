#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace Dps::Sandbox {

struct Tenant
{
    QString tenantId;
    QString displayName;
    QString defaultDomain;
    QString countryCode = QStringLiteral("US");
    // Entra answers token requests for this tenant with AADSTS50076 (MFA) unless the sign-in was interactive.
    bool requireMfa = false;
};

struct ProviderRegistration
{
    QString state = QStringLiteral("NotRegistered"); // NotRegistered, Registering, Registered
    qint64 readyAtMs = 0;                            // Registering becomes Registered at this time
};

struct Subscription
{
    QString subscriptionId;
    QString tenantId;
    QString displayName;
    QString state = QStringLiteral("Enabled");
    QHash<QString, ProviderRegistration> providers; // lower-case namespace -> registration
};

// A user or a service principal. Users sign in through /authorize or the device code; service principals
// with client credentials. Both see only the tenants they belong to and the subscriptions they are granted.
struct Principal
{
    QString objectId;
    bool isServicePrincipal = false;
    QString homeTenantId;
    QString username;     // users
    QString displayName;
    QString clientId;     // service principals: appId
    QString clientSecret; // service principals
    QStringList tenants;       // tenant ids the principal is a member of
    QStringList subscriptions; // subscription ids with Contributor-like rights
};

struct ResourceGroup
{
    QString subscriptionId;
    QString name;
    QString location;
    QJsonObject tags;
    QString provisioningState = QStringLiteral("Succeeded"); // Deleting while a delete runs
    qint64 deleteAtMs = 0;
};

// An ARM resource of Microsoft.Devices. `body` is the full resource as GET returns it (before key masking);
// `keys` the shared access policies with their keys (only listkeys shows them).
struct Resource
{
    QString subscriptionId;
    QString resourceGroup;
    QString type; // canonical: "IotHubs" or "ProvisioningServices"
    QString name;
    QJsonObject body;
    QJsonArray keys;
    QString activeOperationId; // a create/update/delete still running
};

// A long-running operation. Its state is derived from the clock: Running until doneAtMs, then `outcome`.
struct Operation
{
    QString id;
    QString kind; // create, update, delete
    QString subscriptionId;
    QString resourceGroup;
    QString resourceType;
    QString resourceName;
    QString apiVersion;
    qint64 startMs = 0;
    qint64 doneAtMs = 0;
    bool settled = false;
    QString outcome = QStringLiteral("Succeeded"); // Succeeded or Failed
    QJsonObject error;                            // {code, message} when Failed
    QJsonObject previousBody;                     // update: what to restore if it fails
};

// An app registration Entra knows. Public clients (desktop apps, the Azure CLI's id) sign users in with
// /authorize or the device code; confidential ones (service principals) use client credentials.
struct Application
{
    QString clientId;
    QString displayName;
    bool publicClient = true;
    bool allowPublicClientFlows = true; // device code (AADSTS7000218 when off)
    QStringList redirectUris;           // loopback entries match any port (RFC 8252)
    QString homeTenantId;               // empty: multi-tenant
};

struct AuthCode
{
    QString code;
    QString clientId;
    QString redirectUri;
    QString codeChallenge;
    QString codeChallengeMethod;
    QString scope;
    QString tenant;    // the {tenant} segment used on /authorize
    QString objectId;  // the user who approved
    QString nonce;
    qint64 expiresAtMs = 0;
    bool redeemed = false;
};

struct DeviceCode
{
    QString deviceCode;
    QString userCode;
    QString clientId;
    QString scope;
    QString tenant;
    QString status = QStringLiteral("pending"); // pending, approved, declined
    QString objectId;                          // who approved
    qint64 expiresAtMs = 0;
    qint64 lastPollMs = 0;
    int intervalSec = 5;
};

struct RefreshToken
{
    QString token;
    QString objectId;
    QString clientId;
    QString scope;
    qint64 expiresAtMs = 0;
    bool revoked = false;
    bool mfaSatisfied = false; // the original sign-in was interactive (satisfies requireMfa tenants)
};

// Everything the sandbox knows. Plain data plus look-ups; the HTTP handlers hold the behaviour.
// Serialises to JSON for --state and /_sandbox/state.
class World
{
public:
    QMap<QString, Tenant> tenants;             // key: tenantId (lower case)
    QMap<QString, Subscription> subscriptions; // key: subscriptionId (lower case)
    QMap<QString, Principal> principals;       // key: objectId
    QMap<QString, Application> applications;   // key: clientId (lower case)
    QMap<QString, ResourceGroup> resourceGroups; // key: rgKey()
    QMap<QString, Resource> resources;           // key: resourceKey()
    QMap<QString, Operation> operations;         // key: id
    QHash<QString, AuthCode> authCodes;
    QHash<QString, DeviceCode> deviceCodes;      // key: device_code
    QHash<QString, RefreshToken> refreshTokens;  // key: token
    QByteArray signingKey;                       // HMAC key for the access tokens we issue
    qint64 clockOffsetMs = 0;                    // moved by /_sandbox/clock

    qint64 nowMs() const;

    static QString rgKey(const QString &subscriptionId, const QString &resourceGroup);
    static QString resourceKey(const QString &subscriptionId, const QString &resourceGroup,
                               const QString &type, const QString &name);

    Tenant *tenant(const QString &tenantId);
    Subscription *subscription(const QString &subscriptionId);
    Principal *principal(const QString &objectId);
    Application *application(const QString &clientId);
    Principal *servicePrincipalByClientId(const QString &clientId);
    Principal *userByName(const QString &username);
    ResourceGroup *resourceGroup(const QString &subscriptionId, const QString &name);
    Resource *resource(const QString &subscriptionId, const QString &rg, const QString &type,
                       const QString &name);
    // Global look-up by name across all subscriptions and tenants (hub and DPS names are DNS labels).
    Resource *resourceByGlobalName(const QString &type, const QString &name);
    QList<Resource *> resourcesOf(const QString &subscriptionId, const QString &rg, const QString &type);

    // Apply every operation, provider registration and resource group deletion whose time has come.
    // Returns true when anything changed. Cheap when nothing is due (see scheduleSettle).
    bool settle();
    // Something becomes due at `atMs` (an LRO, a registration, a group deletion): settle() must look then.
    void scheduleSettle(qint64 atMs) { m_nextSettleAtMs = std::min(m_nextSettleAtMs, atMs); }

    QJsonObject toJson() const;
    static World fromJson(const QJsonObject &json, bool *ok = nullptr);

private:
    void settleOperation(Operation &op);
    qint64 m_nextSettleAtMs = 0; // 0: unknown, do a full pass
};

QString newGuid();
QString randomKeyBase64(int bytes = 32);
QString etagNow();

} // namespace Dps::Sandbox
