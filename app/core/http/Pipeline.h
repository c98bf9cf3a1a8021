#pragma once

#include "HttpTypes.h"

#include <QObject>

#include <memory>
#include <vector>

namespace Dps::Http {

class Policy;

using PolicyChain = std::vector<std::shared_ptr<Policy>>;

// Hands a request to the rest of the chain. Copyable. The pipeline's own NextPolicy shares ownership
// of the chain, so a request still in flight (a retry timer, a token request) keeps its policies
// alive; the raw-pointer form is for unit tests that call one policy directly.
class NextPolicy
{
public:
    NextPolicy(const PolicyChain *chain, size_t index)
        : m_chain(chain)
        , m_index(index)
    {}
    NextPolicy(std::shared_ptr<const PolicyChain> chain, size_t index)
        : m_owner(std::move(chain))
        , m_chain(m_owner.get())
        , m_index(index)
    {}
    void operator()(HttpRequest request, HttpCallback done) const;

private:
    std::shared_ptr<const PolicyChain> m_owner;
    const PolicyChain *m_chain;
    size_t m_index;
};

// One step of the pipeline (azure-core's pipeline.hpp). A policy never blocks: it passes the request
// on with next(...) or completes it by calling done(...) exactly once, possibly later (from a timer or
// a reply). The last policy is the transport, which never calls next.
class Policy
{
public:
    virtual ~Policy() = default;
    virtual void send(HttpRequest request, const NextPolicy &next, HttpCallback done) = 0;
};

// RequestIdPolicy -> UserAgentPolicy -> RetryPolicy -> BearerTokenPolicy -> LogPolicy -> QnamTransport.
class Pipeline
{
public:
    explicit Pipeline(std::vector<std::shared_ptr<Policy>> policies);
    void send(HttpRequest request, HttpCallback done) const;

private:
    std::shared_ptr<const PolicyChain> m_policies;
};

// Time source and timers for policies that wait (retry, LRO polling); tests inject a fake one.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;            // wall clock, ms since epoch
    virtual void callLater(int delayMs, QObject *context, std::function<void()> callback) = 0;
};

class SystemClock : public Clock
{
public:
    qint64 nowMs() const override;
    void callLater(int delayMs, QObject *context, std::function<void()> callback) override;
    static std::shared_ptr<Clock> instance();
};

} // namespace Dps::Http
