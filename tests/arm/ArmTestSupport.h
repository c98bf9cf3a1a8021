#pragma once

// Helpers shared by the arm tests (header-only; each tst_*.cpp is its own executable).

#include "SandboxFixture.h"
#include "arm/ArmClient.h"
#include "http/Policies.h"
#include "identity/ClientSecretCredential.h"
#include "identity/TokenCredential.h"
#include "services/AzureService.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

// gtest prints QStrings in failure messages (found by ADL: QString lives in the global namespace).
inline std::ostream &operator<<(std::ostream &os, const QString &s)
{
    return os << s.toStdString();
}

namespace Dps::Test {

// Tokens minted by the sandbox's admin API (POST /_sandbox/tokens) for one principal, in whatever tenant
// each request asks for: the sandbox user alex is a member of both demo tenants, which is what a
// cross-tenant link needs. Asynchronous, like every credential.
class SandboxTokenCredential : public Identity::TokenCredential
{
public:
    // `principal`: {"username": "..."} or {"clientId": "..."}.
    SandboxTokenCredential(QUrl adminEndpoint, QJsonObject principal, QString defaultTenant)
        : m_admin(std::move(adminEndpoint))
        , m_principal(std::move(principal))
        , m_defaultTenant(std::move(defaultTenant))
    {}

    void getToken(const Identity::TokenRequest &request, Identity::TokenCallback done) override
    {
        const QString tenant = request.tenantId.isEmpty() ? m_defaultTenant : request.tenantId;
        ++m_requests;
        m_tenantsAsked.append(tenant);
        QJsonObject body = m_principal;
        body.insert(QStringLiteral("tenantId"), tenant);
        QNetworkRequest r(m_admin.resolved(QUrl(QStringLiteral("tokens"))));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = m_nam.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, tenant, done] {
            reply->deleteLater();
            const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
            const QString token = o.value(QStringLiteral("access_token")).toString();
            if (token.isEmpty()) {
                Identity::AuthError e;
                e.error = QStringLiteral("invalid_request");
                e.description = QStringLiteral("the sandbox minted no token");
                done(std::nullopt, e);
                return;
            }
            Identity::AccessToken t;
            t.token = token;
            t.tenantId = tenant;
            t.expiresOnMs = QDateTime::currentMSecsSinceEpoch()
                            + o.value(QStringLiteral("expires_in")).toInt(3600) * 1000LL;
            done(t, {});
        });
    }
    QString defaultTenantId() const override { return m_defaultTenant; }
    int requestCount() const { return m_requests; }
    QStringList tenantsAsked() const { return m_tenantsAsked; }

private:
    QUrl m_admin;
    QJsonObject m_principal;
    QString m_defaultTenant;
    QNetworkAccessManager m_nam;
    int m_requests = 0;
    QStringList m_tenantsAsked;
};

// Always the same token (an expired or forged one), so the 401 survives the forced refresh.
class StaticTokenCredential : public Identity::TokenCredential
{
public:
    explicit StaticTokenCredential(QString token, QString tenant = QStringLiteral("common"))
        : m_token(std::move(token))
        , m_tenant(std::move(tenant))
    {}
    void getToken(const Identity::TokenRequest &, Identity::TokenCallback done) override
    {
        Identity::AccessToken t;
        t.token = m_token;
        t.tenantId = m_tenant;
        t.expiresOnMs = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        QMetaObject::invokeMethod(
            &m_context, [t, done] { done(t, {}); }, Qt::QueuedConnection);
    }
    QString defaultTenantId() const override { return m_tenant; }

private:
    QString m_token;
    QString m_tenant;
    QObject m_context;
};

// An ArmClient + AzureService over the real pipeline (makeArmPipeline) and a real QNAM.
struct ArmStack
{
    ArmStack(const Arm::Cloud &cloud,
             std::shared_ptr<Identity::TokenCredential> cred,
             int maxRetries = 0)
        : credential(std::move(cred))
    {
        Http::PipelineOptions options;
        options.userAgent = "dps-setup-tests";
        options.defaultScope = cloud.armScope;
        options.extraCa = cloud.extraCaCertificates;
        options.extraCaOrigins = cloud.endpoints();
        options.retry.maxRetries = maxRetries;
        options.retry.baseDelayMs = 50;
        pipeline = Http::makeArmPipeline(&nam, credential, options);
        client = std::make_unique<Arm::ArmClient>(pipeline, cloud, Http::SystemClock::instance());
        client->setDefaultPollIntervalMs(100);
        service = std::make_unique<Services::AzureService>(client.get());
        service->setProviderPollIntervalMs(100);
    }
    ~ArmStack()
    {
        service.reset();
        client.reset();
    }

    QNetworkAccessManager nam;
    std::shared_ptr<Identity::TokenCredential> credential;
    std::shared_ptr<Http::Pipeline> pipeline;
    std::unique_ptr<Arm::ArmClient> client;
    std::unique_ptr<Services::AzureService> service;
};

inline QUrl adminUrl(const SandboxProcess &sandbox, const QString &path)
{
    return QUrl(sandbox.info().value(QStringLiteral("adminEndpoint")).toString())
        .resolved(QUrl(path));
}

// POST (or DELETE/GET) on the sandbox admin API, synchronously (test-only helper).
inline HttpResult admin(const SandboxProcess &sandbox,
                        const QByteArray &method,
                        const QString &path,
                        const QJsonObject &body = {})
{
    HttpClient http(&sandbox);
    if (method == "POST")
        return http.postJson(adminUrl(sandbox, path), body);
    return http.send(method, adminUrl(sandbox, path));
}

// The requests the sandbox logged since the last reset: "METHOD path" strings.
inline QStringList loggedRequests(const SandboxProcess &sandbox)
{
    QStringList out;
    const auto entries = admin(sandbox, "GET", QStringLiteral("requests"))
                             .json()
                             .value(QStringLiteral("value"))
                             .toArray();
    for (const auto &e : entries) {
        const QJsonObject o = e.toObject();
        out << o.value(QStringLiteral("method")).toString() + QLatin1Char(' ')
                   + o.value(QStringLiteral("path")).toString();
    }
    return out;
}

// What an async object ended with.
template<typename Value>
struct Outcome
{
    std::optional<Value> value;
    std::optional<Arm::ArmError> error;
    bool timedOut = false;
    bool ok() const { return value.has_value(); }
    QString describe() const
    {
        if (error)
            return error->technicalDetails();
        return timedOut ? QStringLiteral("timed out") : QStringLiteral("ok");
    }
};

template<typename Obj, typename Arg>
Outcome<Arg> waitFor(Obj *obj, void (Obj::*finished)(const Arg &), int timeoutMs = 15000)
{
    Outcome<Arg> out;
    QSignalSpy done(obj, finished);
    QSignalSpy failed(obj, &Obj::failed);
    QDeadlineTimer deadline(timeoutMs);
    while (done.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        done.wait(20);
    if (!done.isEmpty())
        out.value = done.first().first().template value<Arg>();
    else if (!failed.isEmpty())
        out.error = failed.first().first().template value<Arm::ArmError>();
    else
        out.timedOut = true;
    return out;
}

inline Outcome<QJsonObject> waitOp(Arm::ArmOperation *op, int timeoutMs = 15000)
{
    return waitFor(op, &Arm::ArmOperation::finished, timeoutMs);
}

template<typename T>
Outcome<T> waitCall(Services::ServiceCall *call, int timeoutMs = 15000)
{
    auto raw = waitFor(call, &Services::ServiceCall::finished, timeoutMs);
    Outcome<T> out;
    out.error = raw.error;
    out.timedOut = raw.timedOut;
    if (raw.value)
        out.value = raw.value->template value<T>();
    return out;
}

} // namespace Dps::Test
