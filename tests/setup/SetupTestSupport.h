#pragma once

// Helpers shared by the setup engine tests, the command-line tests and bench_setup: an in-process
// session (pipeline, credential, ArmClient, AzureService) wired like the CLI's openSession(), and the
// sandbox's request log (/_sandbox/requests) classified into token requests, writes, reads and LRO polls.

#include "SandboxFixture.h"
#include "arm/ArmClient.h"
#include "arm/Cloud.h"
#include "http/Policies.h"
#include "identity/ClientSecretCredential.h"
#include "services/AzureService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>

#include <functional>
#include <memory>

namespace Dps::Test {

// The pipeline logs every request; in these tests that only buries the failures (QT_LOGGING_RULES still wins).
inline void quietCoreLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("dps.*.debug=false\ndps.*.info=false"));
}

// Signs in as the sandbox's service principal (info file), exactly as `dps-setup --cloud sandbox` does.
struct EngineSession
{
    Arm::Cloud cloud;
    std::unique_ptr<QNetworkAccessManager> nam;
    std::shared_ptr<Identity::TokenCredential> credential;
    std::unique_ptr<Arm::ArmClient> client;
    std::unique_ptr<Services::AzureService> service;
    QString tenantId;

    static std::unique_ptr<EngineSession> open(const QJsonObject &info)
    {
        auto s = std::make_unique<EngineSession>();
        s->cloud = Arm::Cloud::sandbox(info);
        const QJsonObject sp = info.value(QStringLiteral("servicePrincipal")).toObject();
        s->tenantId = sp.value(QStringLiteral("tenantId")).toString();
        s->nam = std::make_unique<QNetworkAccessManager>();
        Http::PipelineOptions options;
        options.userAgent = "dps-setup-tests";
        options.defaultScope = s->cloud.armScope;
        options.extraCa = s->cloud.extraCaCertificates;
        options.extraCaOrigins = s->cloud.endpoints();
        auto endpoint = std::make_shared<Identity::TokenEndpoint>(Http::makeAnonymousPipeline(s->nam.get(), options),
                                                                  s->cloud.authorityHost);
        s->credential = std::make_shared<Identity::ClientSecretCredential>(
            endpoint, s->tenantId, sp.value(QStringLiteral("clientId")).toString(), sp.value(QStringLiteral("clientSecret")).toString());
        auto pipeline = Http::makeArmPipeline(s->nam.get(), s->credential, options);
        s->client = std::make_unique<Arm::ArmClient>(pipeline, s->cloud, Http::SystemClock::instance());
        s->service = std::make_unique<Services::AzureService>(s->client.get());
        return s;
    }
};

// One entry of the sandbox's request log.
struct LoggedRequest
{
    QString method;
    QString path;
    QString operationId;
    int status = 0;
    QString time;

    bool isToken() const { return path.contains(QLatin1String("/oauth2/")); }
    bool isPoll() const { return operationId.endsWith(QLatin1String("GetOperationResult")); }
    // POSTs that only read: name availability and listkeys.
    bool isReadPost() const
    {
        return method == QLatin1String("POST")
               && (path.endsWith(QLatin1String("/listkeys"), Qt::CaseInsensitive)
                   || path.contains(QLatin1String("NameAvailability"), Qt::CaseInsensitive));
    }
    bool isWrite() const
    {
        if (isToken())
            return false;
        if (method == QLatin1String("PUT") || method == QLatin1String("PATCH") || method == QLatin1String("DELETE"))
            return true;
        return method == QLatin1String("POST") && !isReadPost();
    }
    bool isRead() const { return !isToken() && !isWrite() && !isPoll(); }
    bool isHubPut(const QString &hub) const
    {
        return method == QLatin1String("PUT") && path.endsWith(QStringLiteral("/IotHubs/") + hub, Qt::CaseInsensitive);
    }
    bool isDpsPut(const QString &dps) const
    {
        return method == QLatin1String("PUT") && path.endsWith(QStringLiteral("/provisioningServices/") + dps, Qt::CaseInsensitive);
    }
    QString toString() const { return QStringLiteral("%1 %2 %3 -> %4").arg(time, method, path).arg(status); }
};

struct RequestLog
{
    QList<LoggedRequest> entries;

    int count(const std::function<bool(const LoggedRequest &)> &pred) const
    {
        int n = 0;
        for (const auto &e : entries)
            n += pred(e) ? 1 : 0;
        return n;
    }
    int indexOf(const std::function<bool(const LoggedRequest &)> &pred, int from = 0) const
    {
        for (int i = from; i < entries.size(); ++i) {
            if (pred(entries[i]))
                return i;
        }
        return -1;
    }
    QList<LoggedRequest> writes() const
    {
        QList<LoggedRequest> out;
        for (const auto &e : entries) {
            if (e.isWrite())
                out.append(e);
        }
        return out;
    }
    QString dump() const
    {
        QStringList lines;
        for (const auto &e : entries)
            lines << e.toString();
        return lines.join(QLatin1Char('\n'));
    }
};

inline QUrl adminUrl(const SandboxProcess &sandbox, const QString &path)
{
    QUrl url = sandbox.baseUrl();
    url.setPath(QStringLiteral("/_sandbox/") + path);
    return url;
}

inline RequestLog fetchRequestLog(const SandboxProcess &sandbox)
{
    HttpClient http(&sandbox);
    const HttpResult r = http.get(adminUrl(sandbox, QStringLiteral("requests")));
    RequestLog log;
    for (const auto &v : r.json().value(QStringLiteral("value")).toArray()) {
        const QJsonObject o = v.toObject();
        log.entries.append(LoggedRequest{o.value(QStringLiteral("method")).toString(), o.value(QStringLiteral("path")).toString(),
                                         o.value(QStringLiteral("operationId")).toString(), o.value(QStringLiteral("status")).toInt(),
                                         o.value(QStringLiteral("time")).toString()});
    }
    return log;
}

inline void clearRequestLog(const SandboxProcess &sandbox)
{
    HttpClient http(&sandbox);
    http.send("DELETE", adminUrl(sandbox, QStringLiteral("requests")));
}

// POST /_sandbox/subscriptions/{id}: change a subscription (state, provider registrations).
inline int changeSubscription(const SandboxProcess &sandbox, const QString &subscriptionId, const QJsonObject &change)
{
    HttpClient http(&sandbox);
    return http.postJson(adminUrl(sandbox, QStringLiteral("subscriptions/") + subscriptionId), change).status;
}

// The demo world's fixed ids (app/sandbox/Worlds.cpp).
namespace Demo {
inline const QString kContosoTenant = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
inline const QString kProduction = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000001");
inline const QString kDevTest = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000002");
} // namespace Demo

} // namespace Dps::Test
