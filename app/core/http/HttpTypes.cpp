#include "HttpTypes.h"

namespace Dps::Http {

namespace {

QByteArray findHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace

void CancellationToken::cancel()
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    // Callbacks may add or remove callbacks; run a snapshot.
    const auto callbacks = std::exchange(m_callbacks, {});
    for (const auto &c : callbacks)
        c.second();
}

int CancellationToken::onCancel(std::function<void()> callback)
{
    const int id = m_nextId++;
    if (m_cancelled) {
        callback();
        return id;
    }
    m_callbacks.append({id, std::move(callback)});
    return id;
}

void CancellationToken::remove(int id)
{
    for (qsizetype i = 0; i < m_callbacks.size(); ++i) {
        if (m_callbacks.at(i).first == id) {
            m_callbacks.removeAt(i);
            return;
        }
    }
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool HttpRequest::isIdempotent() const
{
    const QByteArray m = method.toUpper();
    return m == "GET" || m == "HEAD" || m == "PUT" || m == "DELETE" || m == "OPTIONS";
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

} // namespace Dps::Http
