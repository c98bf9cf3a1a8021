#pragma once

#include "Sandbox.h"

#include <optional>

namespace Dps::Sandbox::Arm {

// api-versions each family accepts: those the app uses and the defaults of the current official SDKs.
const QStringList &resourcesApiVersions();
const QStringList &subscriptionsApiVersions();
const QStringList &dpsApiVersions();
const QStringList &hubApiVersions();

struct Region
{
    QString name;        // eastus
    QString displayName; // East US
    QString geography;
    QString geographyGroup;
    QString latitude;
    QString longitude;
    QString physicalLocation;
    QString pairedRegion;
};
const QList<Region> &regions();
// Accepts "eastus", "East US", "EASTUS"...
const Region *findRegion(const QString &nameOrDisplayName);

QString isoTime(qint64 msSinceEpoch);

// The checks every subscription-scoped ARM call makes, in ARM's order: the subscription exists
// (404 SubscriptionNotFound), the token was issued by its tenant (401 InvalidAuthenticationTokenTenant),
// the caller holds rights on it (403 AuthorizationFailed).
std::optional<Response> checkSubscription(Sandbox &sandbox, const Request &request,
                                          const QString &subscriptionId, const QString &action,
                                          Subscription **out = nullptr);
// 409 MissingSubscriptionRegistration until the namespace is registered.
std::optional<Response> checkRegistered(const Subscription &subscription, const QString &ns);

// Parses a JSON object body: 415 for a non-JSON content type, 400 InvalidRequestContent for bad JSON.
std::optional<Response> parseJsonBody(const Request &request, QJsonObject *out, bool required = true);

// One page of `all` as {value, nextLink}; nextLink is absolute, keeps the request's query and adds
// $skiptoken. Bad $skiptoken or $top answer 400.
std::optional<Response> page(const Sandbox &sandbox, const Request &request, const QJsonArray &all,
                             QJsonObject *out);

Response resourceNotFound(const QString &type, const QString &name, const QString &rg);
Response resourceGroupNotFound(const QString &rg);

} // namespace Dps::Sandbox::Arm
