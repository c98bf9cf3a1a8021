// Device authorization grant (RFC 8628; entra-auth-and-secrets.md section 1.2). Qt 6.4 has no
// QOAuth2DeviceAuthorizationFlow (6.9), so it is written out here, polling on the injected Clock:
//
//   POST /{tenant}/oauth2/v2.0/devicecode (client_id, scope) ─► codeReady(user_code, uri, message)
//     ┌─► wait `interval` ─► expired locally? ──yes──► failed(expired_token)
//     │        POST /token (device_code grant)
//     ├── authorization_pending, network trouble
//     ├── slow_down: interval += 5 s (RFC 8628 3.5; Entra doesn't list it, but it may come)
//     └── tokens ─► finished(SignInResult)      declined / expired / bad code / other ─► failed
#include "SignIn.h"
#include "SignInSupport.h"

#include "http/OneShot.h"

#include <QPointer>

namespace Dps::Identity {

namespace {

const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
constexpr int kDefaultIntervalMs = 5000; // RFC 8628 3.2
constexpr int kMinIntervalMs = 1000;     // never hammer the endpoint, whatever the server says
constexpr int kSlowDownStepMs = 5000;
constexpr int kMaxIntervalMs = 60000;    // nor wait longer than a person would (a huge interval must not wrap)

// The server's interval (seconds, a number or a numeric string) in ms, within [kMinIntervalMs, kMaxIntervalMs].
int clampedIntervalMs(double seconds)
{
    if (!(seconds * 1000.0 >= kMinIntervalMs)) // also NaN
        return kMinIntervalMs;
    return seconds * 1000.0 > kMaxIntervalMs ? kMaxIntervalMs : int(seconds * 1000.0);
}

} // namespace

struct DeviceCodeSignIn::Private
{
    DeviceCodeSignIn *q = nullptr;
    PublicClientConfig config;
    bool started = false;
    bool finished = false;
    int generation = 0; // a poll scheduled under an older generation does nothing
    QString deviceCode;
    int intervalMs = kDefaultIntervalMs;
    qint64 expiresAtMs = 0;
    Http::CancellationTokenPtr cancellation;

    void fail(const AuthError &error);
    void schedulePoll();
    void poll();
    void onPollAnswer(const TokenEndpoint::Response &response);
};

DeviceCodeSignIn::DeviceCodeSignIn(PublicClientConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->config = std::move(config);
    Q_ASSERT(d->config.endpoint && d->config.clock);
}

DeviceCodeSignIn::~DeviceCodeSignIn()
{
    ++d->generation;
    if (d->cancellation)
        d->cancellation->cancel();
}

void DeviceCodeSignIn::start()
{
    if (d->started)
        return;
    d->started = true;
    d->cancellation = std::make_shared<Http::CancellationToken>();
    const Detail::Form form{{QStringLiteral("client_id"), d->config.clientId},
                            {QStringLiteral("scope"), d->config.interactiveScopes()}};
    QPointer<DeviceCodeSignIn> self(this);
    d->config.endpoint->postForm(
        d->config.tenant,
        QStringLiteral("devicecode"),
        form,
        d->cancellation,
        [self](const QJsonObject &json, const AuthError &error) {
            if (!self || self->d->finished)
                return;
            Private *d = self->d.get();
            if (!error.error.isEmpty()) {
                d->fail(error);
                return;
            }
            d->deviceCode = json.value(QStringLiteral("device_code")).toString();
            const QString userCode = json.value(QStringLiteral("user_code")).toString();
            // v1 endpoints and ADFS say verification_url.
            QString uri = json.value(QStringLiteral("verification_uri")).toString();
            if (uri.isEmpty())
                uri = json.value(QStringLiteral("verification_url")).toString();
            const int expiresIn = json.value(QStringLiteral("expires_in")).toVariant().toInt();
            if (d->deviceCode.isEmpty() || userCode.isEmpty() || uri.isEmpty() || expiresIn <= 0) {
                d->fail(Detail::makeError(QStringLiteral("invalid_response"),
                                          QStringLiteral("incomplete device code answer")));
                return;
            }
            const QJsonValue interval = json.value(QStringLiteral("interval"));
            if (!interval.isUndefined())
                d->intervalMs = clampedIntervalMs(interval.isString() ? interval.toString().toDouble() : interval.toDouble());
            d->expiresAtMs = d->config.clock->nowMs() + qint64(expiresIn) * 1000;
            QString message = json.value(QStringLiteral("message")).toString();
            if (message.isEmpty())
                message = DeviceCodeSignIn::tr(
                              "To sign in, open %1 in a browser and enter the code %2.")
                              .arg(uri, userCode);
            qCInfo(lcIdentity).noquote()
                << "Device code sign-in: code issued for tenant" << d->config.tenant << "expires in"
                << expiresIn << "s, polling every" << d->intervalMs / 1000 << "s";
            Q_EMIT self->codeReady(userCode, QUrl(uri), message, expiresIn);
            if (self && !self->d->finished)
                self->d->schedulePoll();
        });
}

void DeviceCodeSignIn::cancel()
{
    if (d->finished)
        return;
    ++d->generation;
    if (d->cancellation)
        d->cancellation->cancel();
    d->fail(Detail::makeError(QStringLiteral("cancelled")));
}

void DeviceCodeSignIn::Private::fail(const AuthError &error)
{
    if (finished)
        return;
    ++generation;
    Http::finishOnce(q, finished, [q = q, error] { Q_EMIT q->failed(error); });
}

void DeviceCodeSignIn::Private::schedulePoll()
{
    const int scheduled = ++generation;
    QPointer<DeviceCodeSignIn> self(q);
    config.clock->callLater(intervalMs, q, [self, scheduled] {
        if (self && self->d->generation == scheduled && !self->d->finished)
            self->d->poll();
    });
}

void DeviceCodeSignIn::Private::poll()
{
    // The server says expired_token too; this guard also covers a server that never does.
    if (config.clock->nowMs() >= expiresAtMs) {
        qCInfo(lcIdentity) << "Device code sign-in: the code expired";
        fail(Detail::makeError(QStringLiteral("expired_token")));
        return;
    }
    const Detail::Form form{{QStringLiteral("grant_type"), kDeviceCodeGrant},
                            {QStringLiteral("client_id"), config.clientId},
                            {QStringLiteral("device_code"), deviceCode},
                            {QStringLiteral("client_info"), QStringLiteral("1")}};
    const int polling = generation;
    QPointer<DeviceCodeSignIn> self(q);
    config.endpoint->requestTokenResponse(config.tenant,
                                          form,
                                          cancellation,
                                          [self, polling](const TokenEndpoint::Response &response) {
                                              if (!self || self->d->finished
                                                  || self->d->generation != polling)
                                                  return;
                                              self->d->onPollAnswer(response);
                                          });
}

void DeviceCodeSignIn::Private::onPollAnswer(const TokenEndpoint::Response &response)
{
    if (response.token) {
        const SignInResult result = Detail::signInResultFrom(response, config.tenant);
        qCInfo(lcIdentity).noquote()
            << "Device code sign-in finished for tenant" << result.tenantId;
        ++generation;
        Http::finishOnce(q, finished, [q = q, result] { Q_EMIT q->finished(result); });
        return;
    }
    const QString error = response.error.error;
    if (error == QLatin1String("authorization_pending")) {
        schedulePoll();
        return;
    }
    if (error == QLatin1String("slow_down")) {
        intervalMs = qMin(intervalMs + kSlowDownStepMs, kMaxIntervalMs);
        qCInfo(lcIdentity) << "Device code sign-in: slow_down, now polling every"
                           << intervalMs / 1000 << "s";
        schedulePoll();
        return;
    }
    // The retry policy already retried; a device code lives for minutes, so keep polling through a
    // network hiccup until it expires.
    if (error == QLatin1String("network") || error == QLatin1String("temporarily_unavailable")) {
        schedulePoll();
        return;
    }
    // authorization_declined, expired_token, bad_verification_code, invalid_grant, ...
    fail(response.error);
}

} // namespace Dps::Identity
