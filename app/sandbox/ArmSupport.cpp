#include "ArmSupport.h"

#include "Jwt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Dps::Sandbox::Arm {

const QStringList &resourcesApiVersions()
{
    static const QStringList v{QStringLiteral("2019-10-01"), QStringLiteral("2020-06-01"),
                               QStringLiteral("2020-10-01"), QStringLiteral("2021-01-01"),
                               QStringLiteral("2021-04-01"), QStringLiteral("2022-09-01"),
                               QStringLiteral("2023-07-01"), QStringLiteral("2024-03-01"),
                               QStringLiteral("2024-07-01"), QStringLiteral("2024-11-01"),
                               QStringLiteral("2025-03-01"), QStringLiteral("2025-04-01")};
    return v;
}

const QStringList &subscriptionsApiVersions()
{
    static const QStringList v{QStringLiteral("2016-06-01"), QStringLiteral("2019-06-01"),
                               QStringLiteral("2019-11-01"), QStringLiteral("2020-01-01"),
                               QStringLiteral("2021-01-01"), QStringLiteral("2022-12-01")};
    return v;
}

const QStringList &dpsApiVersions()
{
    static const QStringList v{QStringLiteral("2017-11-15"), QStringLiteral("2018-01-22"),
                               QStringLiteral("2020-01-01"), QStringLiteral("2020-03-01"),
                               QStringLiteral("2021-10-15"), QStringLiteral("2022-02-05"),
                               QStringLiteral("2022-12-12"), QStringLiteral("2023-03-01-preview"),
                               QStringLiteral("2025-02-01-preview"), QStringLiteral("2026-08-31")};
    return v;
}

const QStringList &hubApiVersions()
{
    static const QStringList v{QStringLiteral("2018-04-01"), QStringLiteral("2019-11-04"),
                               QStringLiteral("2020-03-01"), QStringLiteral("2021-03-31"),
                               QStringLiteral("2021-07-01"), QStringLiteral("2021-07-02"),
                               QStringLiteral("2022-04-30-preview"), QStringLiteral("2023-06-30"),
                               QStringLiteral("2023-06-30-preview")};
    return v;
}

const QList<Region> &regions()
{
    static const QList<Region> r{
        {QStringLiteral("eastus"), QStringLiteral("East US"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-79.8164"), QStringLiteral("37.3719"), QStringLiteral("Virginia"), QStringLiteral("westus")},
        {QStringLiteral("eastus2"), QStringLiteral("East US 2"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-78.3889"), QStringLiteral("36.6681"), QStringLiteral("Virginia"), QStringLiteral("centralus")},
        {QStringLiteral("centralus"), QStringLiteral("Central US"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-93.6208"), QStringLiteral("41.5908"), QStringLiteral("Iowa"), QStringLiteral("eastus2")},
        {QStringLiteral("westus"), QStringLiteral("West US"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-122.417"), QStringLiteral("37.783"), QStringLiteral("California"), QStringLiteral("eastus")},
        {QStringLiteral("westus2"), QStringLiteral("West US 2"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-119.852"), QStringLiteral("47.233"), QStringLiteral("Washington"), QStringLiteral("westcentralus")},
        {QStringLiteral("westcentralus"), QStringLiteral("West Central US"), QStringLiteral("United States"), QStringLiteral("US"), QStringLiteral("-110.234"), QStringLiteral("40.890"), QStringLiteral("Wyoming"), QStringLiteral("westus2")},
        {QStringLiteral("northeurope"), QStringLiteral("North Europe"), QStringLiteral("Europe"), QStringLiteral("Europe"), QStringLiteral("-6.2597"), QStringLiteral("53.3478"), QStringLiteral("Ireland"), QStringLiteral("westeurope")},
        {QStringLiteral("westeurope"), QStringLiteral("West Europe"), QStringLiteral("Europe"), QStringLiteral("Europe"), QStringLiteral("4.9"), QStringLiteral("52.3667"), QStringLiteral("Netherlands"), QStringLiteral("northeurope")},
        {QStringLiteral("germanywestcentral"), QStringLiteral("Germany West Central"), QStringLiteral("Germany"), QStringLiteral("Europe"), QStringLiteral("8.682127"), QStringLiteral("50.110924"), QStringLiteral("Frankfurt"), QStringLiteral("germanynorth")},
        {QStringLiteral("uksouth"), QStringLiteral("UK South"), QStringLiteral("United Kingdom"), QStringLiteral("Europe"), QStringLiteral("-0.799"), QStringLiteral("50.941"), QStringLiteral("London"), QStringLiteral("ukwest")},
        {QStringLiteral("southeastasia"), QStringLiteral("Southeast Asia"), QStringLiteral("Asia Pacific"), QStringLiteral("Asia Pacific"), QStringLiteral("103.833"), QStringLiteral("1.283"), QStringLiteral("Singapore"), QStringLiteral("eastasia")},
        {QStringLiteral("eastasia"), QStringLiteral("East Asia"), QStringLiteral("Asia Pacific"), QStringLiteral("Asia Pacific"), QStringLiteral("114.188"), QStringLiteral("22.267"), QStringLiteral("Hong Kong"), QStringLiteral("southeastasia")},
        {QStringLiteral("japaneast"), QStringLiteral("Japan East"), QStringLiteral("Japan"), QStringLiteral("Asia Pacific"), QStringLiteral("139.77"), QStringLiteral("35.68"), QStringLiteral("Tokyo, Saitama"), QStringLiteral("japanwest")},
        {QStringLiteral("australiaeast"), QStringLiteral("Australia East"), QStringLiteral("Australia"), QStringLiteral("Asia Pacific"), QStringLiteral("151.2094"), QStringLiteral("-33.86"), QStringLiteral("New South Wales"), QStringLiteral("australiasoutheast")},
        {QStringLiteral("brazilsouth"), QStringLiteral("Brazil South"), QStringLiteral("Brazil"), QStringLiteral("South America"), QStringLiteral("-46.633"), QStringLiteral("-23.55"), QStringLiteral("Sao Paulo State"), QStringLiteral("southcentralus")},
    };
    return r;
}

const Region *findRegion(const QString &nameOrDisplayName)
{
    QString wanted = nameOrDisplayName.toLower();
    wanted.remove(QLatin1Char(' '));
    for (const auto &r : regions()) {
        if (r.name == wanted)
            return &r;
    }
    return nullptr;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<Response> checkSubscription(Sandbox &sandbox, const Request &request,
                                          const QString &subscriptionId, const QString &action,
                                          Subscription **out)
{
    World &world = sandbox.world();
    Subscription *sub = world.subscription(subscriptionId);
    if (!sub) {
        return Response::armError(404, QStringLiteral("SubscriptionNotFound"),
                                  QStringLiteral("The subscription '%1' could not be found.").arg(subscriptionId.left(80)));
    }
    if (sub->tenantId.compare(request.caller.tenantId, Qt::CaseInsensitive) != 0) {
        const QString message = QStringLiteral(
            "The access token is from the wrong issuer 'https://sts.windows.net/%1/'. It must match the tenant "
            "'https://sts.windows.net/%2/' associated with this subscription. Please use the authority (URL) "
            "'%3%2' to get the token. Note, if the subscription is transferred to another tenant there is no "
            "impact to the services, but information about new tenant could take time to propagate (up to an "
            "hour). If you just transferred your subscription and see this error message, please try back later.")
                                    .arg(request.caller.tenantId, sub->tenantId, sandbox.baseUrl().toString());
        Response r = Response::armError(401, QStringLiteral("InvalidAuthenticationTokenTenant"), message);
        r.setHeader("WWW-Authenticate",
                    QStringLiteral("Bearer authorization_uri=\"%1%2\", error=\"invalid_token\", error_description=\"The access token is from the wrong issuer.\"")
                        .arg(sandbox.baseUrl().toString(), sub->tenantId)
                        .toUtf8());
        return r;
    }
    const Principal *principal = world.principal(request.caller.objectId);
    bool granted = false;
    if (principal) {
        for (const auto &s : principal->subscriptions)
            granted = granted || s.compare(sub->subscriptionId, Qt::CaseInsensitive) == 0;
    }
    if (!granted) {
        return Response::armError(403, QStringLiteral("AuthorizationFailed"),
                                  QStringLiteral("The client '%1' with object id '%1' does not have authorization to perform action '%2' over scope '/subscriptions/%3' or the scope is invalid. If access was recently granted, please refresh your credentials.")
                                      .arg(request.caller.objectId, action, sub->subscriptionId));
    }
    if (sub->state != QLatin1String("Enabled") && request.method != "GET" && request.method != "HEAD") {
        return Response::armError(409, QStringLiteral("ReadOnlyDisabledSubscription"),
                                  QStringLiteral("The subscription '%1' is disabled and therefore marked as read only. You cannot perform any write actions on this subscription until it is re-enabled.")
                                      .arg(sub->subscriptionId));
    }
    if (out)
        *out = sub;
    return std::nullopt;
}

std::optional<Response> checkRegistered(const Subscription &subscription, const QString &ns)
{
    const auto reg = subscription.providers.value(ns.toLower());
    if (reg.state == QLatin1String("Registered"))
        return std::nullopt;
    return Response::armError(409, QStringLiteral("MissingSubscriptionRegistration"),
                              QStringLiteral("The subscription is not registered to use namespace '%1'. See https://aka.ms/rps-not-found for how to register subscriptions.")
                                  .arg(ns),
                              QString(), nullptr);
}

namespace {

constexpr int kMaxJsonDepth = 64;

int jsonDepth(const QJsonValue &v)
{
    int deepest = 0;
    if (v.isArray()) {
        for (const auto &item : v.toArray())
            deepest = std::max(deepest, jsonDepth(item));
        return deepest + 1;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            deepest = std::max(deepest, jsonDepth(it.value()));
        return deepest + 1;
    }
    return 0;
}

} // namespace

std::optional<Response> parseJsonBody(const Request &request, QJsonObject *out, bool required)
{
    if (request.body.trimmed().isEmpty()) {
        if (!required)
            return std::nullopt;
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("The request content was invalid and could not be deserialized: 'The request body is empty.'."));
    }
    const QByteArray contentType = request.header("content-type").toLower();
    const QByteArray mediaType = contentType.split(';').first().trimmed();
    if (mediaType != "application/json" && mediaType != "text/json" && !mediaType.endsWith("+json")) {
        return Response::armError(415, QStringLiteral("UnsupportedMediaType"),
                                  QStringLiteral("The content media type '%1' is not supported. Only 'application/json' is supported.")
                                      .arg(QString::fromLatin1(mediaType.left(100))));
    }
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("The request content was invalid and could not be deserialized: '%1 at offset %2'.")
                                      .arg(error.errorString()).arg(error.offset));
    }
    if (!doc.isObject()) {
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("The request content was invalid and could not be deserialized: 'A JSON object was expected.'."));
    }
    // ARM's deserializer stops at 64 levels. Deeper bodies would also end up in the state file nested
    // beyond what QJsonDocument reads back (1024), making the next start fail.
    if (jsonDepth(doc.object()) > kMaxJsonDepth) {
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("The request content was invalid and could not be deserialized: 'The reader's MaxDepth of %1 has been exceeded.'.")
                                      .arg(kMaxJsonDepth));
    }
    *out = doc.object();
    return std::nullopt;
}

std::optional<Response> page(const Sandbox &sandbox, const Request &request, const QJsonArray &all,
                             QJsonObject *out)
{
    int offset = 0;
    const QString skipToken = request.queryValue(QStringLiteral("$skiptoken"));
    if (request.hasQuery(QStringLiteral("$skiptoken"))) {
        bool ok = false;
        const QByteArray decoded = Jwt::fromBase64Url(skipToken.toLatin1(), &ok);
        const QList<QByteArray> parts = decoded.split(':');
        ok = ok && parts.size() == 2 && parts[0] == "o"; // anything else is not one of our tokens
        if (ok)
            offset = parts[1].toInt(&ok);
        if (!ok || offset < 0 || offset > all.size()) {
            return Response::armError(400, QStringLiteral("InvalidSkipToken"),
                                      QStringLiteral("The skip token '%1' is not valid.").arg(skipToken.left(100)));
        }
    }
    int pageSize = std::max(1, sandbox.options().pageSize);
    if (request.hasQuery(QStringLiteral("$top"))) {
        bool ok = false;
        const int top = request.queryValue(QStringLiteral("$top")).toInt(&ok);
        if (!ok || top < 1 || top > 1000) {
            return Response::armError(400, QStringLiteral("InvalidParameter"),
                                      QStringLiteral("The value '%1' of query parameter '$top' is not valid. It must be an integer between 1 and 1000.")
                                          .arg(request.queryValue(QStringLiteral("$top")).left(40)));
        }
        pageSize = std::min(pageSize, top);
    }
    QJsonArray value;
    for (int i = offset; i < all.size() && value.size() < pageSize; ++i)
        value.append(all.at(i));
    QJsonObject result{{QStringLiteral("value"), value}};
    if (offset + value.size() < all.size()) {
        QUrlQuery q;
        for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
            if (item.first.compare(QLatin1String("$skiptoken"), Qt::CaseInsensitive) != 0)
                q.addQueryItem(item.first, item.second);
        }
        q.addQueryItem(QStringLiteral("$skiptoken"),
                       QString::fromLatin1(Jwt::base64Url("o:" + QByteArray::number(offset + value.size()))));
        result.insert(QStringLiteral("nextLink"), request.absoluteUrl(request.path, q).toString(QUrl::FullyEncoded));
    }
    *out = result;
    return std::nullopt;
}

Response resourceNotFound(const QString &type, const QString &name, const QString &rg)
{
    return Response::armError(404, QStringLiteral("ResourceNotFound"),
                              QStringLiteral("The Resource '%1/%2' under resource group '%3' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")
                                  .arg(type, name.left(100), rg.left(100)));
}

Response resourceGroupNotFound(const QString &rg)
{
    return Response::armError(404, QStringLiteral("ResourceGroupNotFound"),
                              QStringLiteral("Resource group '%1' could not be found.").arg(rg.left(100)));
}

} // namespace Dps::Sandbox::Arm
