#pragma once

#include "http/Pipeline.h"

#include <QList>
#include <QPointer>

namespace Dps::Test {

// A Clock under the test's control (KeePassXC tests/mock/MockClock.cpp): now() only moves when the
// test says so, callLater() records the delay and fires when advance() passes its due time.
// Callbacks whose context object was destroyed are dropped, as QTimer would.
class FakeClock : public Http::Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'700'000'000'000); // 2023-11-14, any fixed instant will do

    qint64 nowMs() const override { return m_nowMs; }
    void callLater(int delayMs, QObject *context, std::function<void()> callback) override;

    // Moves time forward by `ms` and runs every callback that is due, in due order (including ones
    // scheduled by callbacks, if they fall within the window). Returns how many ran.
    int advance(qint64 ms);
    // Jumps to the earliest pending callback and runs it (and any due at the same instant). False
    // if none.
    bool advanceToNext();
    void setNow(qint64 ms) { m_nowMs = ms; }

    QList<int> requestedDelays() const
    {
        return m_requested;
    } // every callLater delay, in call order
    int pendingCount() const;
    qint64 nextDueMs() const; // -1 if nothing is pending

private:
    struct Timer
    {
        qint64 dueMs;
        quint64 seq;
        bool hasContext;
        QPointer<QObject> context;
        std::function<void()> callback;
    };
    bool runOneDue(qint64 untilMs);

    qint64 m_nowMs;
    quint64 m_seq = 0;
    QList<Timer> m_timers;
    QList<int> m_requested;
};

} // namespace Dps::Test
