#pragma once

#include "secrets/KeychainBackend.h"
#include "secrets/SecretStore.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTest>

#include <functional>
#include <optional>
#include <ostream>

// Readable failure output for Qt strings (QStringList prints through this too).
inline void PrintTo(const QString &string, std::ostream *out)
{
    *out << '"' << string.toStdString() << '"';
}

namespace Dps::Test {

// What a SecretJob reported, and how often it reported (the contract is exactly once).
struct JobOutcome
{
    bool done = false;
    bool ok = false;
    int signals = 0;
    QByteArray value;
    Secrets::SecretError error;
};

// Waits (on the event loop) for the job's one result; then gives a late second signal a chance to show.
inline JobOutcome waitFor(Secrets::SecretJob *job, int timeoutMs = 10000)
{
    auto outcome = std::make_shared<JobOutcome>();
    QObject guard; // the connections die with this frame even if the job outlives it
    QObject::connect(job, &Secrets::SecretJob::finished, &guard, [outcome](const QByteArray &value) {
        ++outcome->signals;
        outcome->done = outcome->ok = true;
        outcome->value = value;
    });
    QObject::connect(job,
                     &Secrets::SecretJob::failed,
                     &guard,
                     [outcome](const Secrets::SecretError &error) {
                         ++outcome->signals;
                         outcome->done = true;
                         outcome->error = error;
                     });
    (void) QTest::qWaitFor([&] { return outcome->done; }, timeoutMs);
    QCoreApplication::processEvents();
    return *outcome;
}

// A keychain in memory that answers like QtKeychain: later, from the event loop; deleting a missing
// entry succeeds (libsecret) unless deleteMissingFails (Windows). `intercept` can answer a call
// instead (a scripted failure); `hold` keeps calls unanswered until release().
class FakeKeychainBackend : public Secrets::KeychainBackend
{
public:
    struct Shared
    {
        QMap<QString, QByteArray> entries;
        QStringList calls; // "read key", "write key", "remove key", "checkLocked"
        bool locked = false;
        bool deleteMissingFails = false;
        bool hold = false;
        std::function<std::optional<Secrets::KeychainResult>(const QString &call, const QString &key)>
            intercept;
        QList<std::function<void()>> held;
        void release()
        {
            hold = false;
            const auto pending = std::exchange(held, {});
            for (const auto &answer : pending)
                answer();
        }
    };

    explicit FakeKeychainBackend(std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared))
    {}

    void read(const QString &key, QObject *context, Secrets::KeychainCallback done) override
    {
        answer(QStringLiteral("read"), key, context, std::move(done), [shared = m_shared, key] {
            Secrets::KeychainResult result;
            if (const auto it = shared->entries.constFind(key); it != shared->entries.cend())
                result.data = *it;
            else
                result = {QKeychain::EntryNotFound, QStringLiteral("Entry not found"), {}};
            return result;
        });
    }

    void write(const QString &key,
               const QByteArray &data,
               QObject *context,
               Secrets::KeychainCallback done) override
    {
        answer(QStringLiteral("write"),
               key,
               context,
               std::move(done),
               [shared = m_shared, key, data] {
                   shared->entries.insert(key, data);
                   return Secrets::KeychainResult{};
               });
    }

    void remove(const QString &key, QObject *context, Secrets::KeychainCallback done) override
    {
        answer(QStringLiteral("remove"), key, context, std::move(done), [shared = m_shared, key] {
            if (shared->entries.remove(key) == 0 && shared->deleteMissingFails)
                return Secrets::KeychainResult{QKeychain::EntryNotFound,
                                               QStringLiteral("Entry not found"),
                                               {}};
            return Secrets::KeychainResult{};
        });
    }

    void checkLocked(QObject *context, std::function<void(bool)> done) override
    {
        m_shared->calls.append(QStringLiteral("checkLocked"));
        QMetaObject::invokeMethod(
            context, [done, locked = m_shared->locked] { done(locked); }, Qt::QueuedConnection);
    }

private:
    void answer(const QString &call,
                const QString &key,
                QObject *context,
                Secrets::KeychainCallback done,
                std::function<Secrets::KeychainResult()> perform)
    {
        m_shared->calls.append(call + QLatin1Char(' ') + key);
        auto run =
            [shared = m_shared, call, key, context = QPointer<QObject>(context), done, perform] {
                if (!context)
                    return;
                std::optional<Secrets::KeychainResult> scripted;
                if (shared->intercept)
                    scripted = shared->intercept(call, key);
                const Secrets::KeychainResult result = scripted ? *scripted : perform();
                QMetaObject::invokeMethod(
                    context, [done, result] { done(result); }, Qt::QueuedConnection);
            };
        if (m_shared->hold)
            m_shared->held.append(run);
        else
            run();
    }

    std::shared_ptr<Shared> m_shared;
};

} // namespace Dps::Test
