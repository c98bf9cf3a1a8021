#include "Pipeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace Dps::Http {

void NextPolicy::operator()(HttpRequest request, HttpCallback done) const
{
    Q_ASSERT(m_chain && m_index < m_chain->size());
    if (!m_chain || m_index >= m_chain->size()) {
        // A pipeline without a transport: a programmer error, but complete the call anyway.
        HttpResponse response;
        response.networkError = QNetworkReply::UnknownNetworkError;
        response.errorString = QStringLiteral("The HTTP pipeline has no transport.");
        done(std::move(response));
        return;
    }
    const NextPolicy next = m_owner ? NextPolicy(m_owner, m_index + 1)
                                    : NextPolicy(m_chain, m_index + 1);
    (*m_chain)[m_index]->send(std::move(request), next, std::move(done));
}

Pipeline::Pipeline(std::vector<std::shared_ptr<Policy>> policies)
    : m_policies(std::make_shared<const PolicyChain>(std::move(policies)))
{}

void Pipeline::send(HttpRequest request, HttpCallback done) const
{
    NextPolicy(m_policies, 0)(std::move(request), std::move(done));
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

void SystemClock::callLater(int delayMs, QObject *context, std::function<void()> callback)
{
    const int delay = qMax(0, delayMs);
    // Precise: a coarse timer may fire up to 5 % early, and a server that said "Retry-After: 2"
    // means it.
    QObject *target = context ? context : QCoreApplication::instance();
    QTimer::singleShot(delay, Qt::PreciseTimer, target, std::move(callback));
}

std::shared_ptr<Clock> SystemClock::instance()
{
    static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

} // namespace Dps::Http
