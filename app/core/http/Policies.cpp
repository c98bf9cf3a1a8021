// The small policies (request id, user agent), the https rule and the standard pipelines.
#include "Policies.h"

#include "identity/TokenCredential.h"

#include <QHostAddress>
#include <QSysInfo>
#include <QUuid>

namespace Dps::Http {

void RequestIdPolicy::send(HttpRequest request, const NextPolicy &next, HttpCallback done)
{
    // Above the retry policy, so every attempt of one logical call carries the same id (azure-core
    // RequestIdPolicy); ARM echoes it and support can find the whole chain with it.
    if (request.header("x-ms-client-request-id").isEmpty())
        request.setHeader("x-ms-client-request-id",
                          QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    next(std::move(request), std::move(done));
}

UserAgentPolicy::UserAgentPolicy(QByteArray userAgent)
    : m_userAgent(userAgent.isEmpty() ? defaultUserAgent() : std::move(userAgent))
{}

QByteArray UserAgentPolicy::defaultUserAgent()
{
#ifdef DPS_VERSION
    const QByteArray version = DPS_VERSION;
#else
    const QByteArray version = "0";
#endif
    return "dps-setup/" + version + " (" + QSysInfo::prettyProductName().toUtf8() + "; Qt "
           + qVersion() + ")";
}

void UserAgentPolicy::send(HttpRequest request, const NextPolicy &next, HttpCallback done)
{
    if (request.header("User-Agent").isEmpty())
        request.setHeader("User-Agent", m_userAgent);
    next(std::move(request), std::move(done));
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.isEmpty())
        return false;
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isSecureOrLoopback(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && isLoopback(url);
}

namespace {

RetryOptions sanitized(RetryOptions o)
{
    o.maxRetries = qMax(0, o.maxRetries);
    o.baseDelayMs = qMax(0, o.baseDelayMs);
    o.maxDelayMs = qMax(0, o.maxDelayMs);
    o.maxTotalWaitMs = qMax(0, o.maxTotalWaitMs);
    return o;
}

} // namespace

std::shared_ptr<Pipeline> makeArmPipeline(QNetworkAccessManager *nam,
                                          std::shared_ptr<Identity::TokenCredential> credential,
                                          const PipelineOptions &options,
                                          std::shared_ptr<Clock> clock)
{
    Q_ASSERT(nam && credential && clock);
    const QString scope = options.defaultScope.isEmpty()
                              ? QStringLiteral("https://management.azure.com/.default")
                              : options.defaultScope;
    return std::make_shared<Pipeline>(std::vector<std::shared_ptr<Policy>>{
        std::make_shared<RequestIdPolicy>(),
        std::make_shared<UserAgentPolicy>(options.userAgent),
        std::make_shared<RetryPolicy>(sanitized(options.retry), clock),
        std::make_shared<BearerTokenPolicy>(std::move(credential), scope, clock),
        std::make_shared<LogPolicy>(),
        std::make_shared<QnamTransport>(nam, options.extraCa, options.extraCaOrigins),
    });
}

std::shared_ptr<Pipeline> makeAnonymousPipeline(QNetworkAccessManager *nam,
                                                const PipelineOptions &options,
                                                std::shared_ptr<Clock> clock)
{
    Q_ASSERT(nam && clock);
    return std::make_shared<Pipeline>(std::vector<std::shared_ptr<Policy>>{
        std::make_shared<RequestIdPolicy>(),
        std::make_shared<UserAgentPolicy>(options.userAgent),
        std::make_shared<RetryPolicy>(sanitized(options.retry), clock),
        std::make_shared<LogPolicy>(),
        std::make_shared<QnamTransport>(nam, options.extraCa, options.extraCaOrigins),
    });
}

} // namespace Dps::Http
