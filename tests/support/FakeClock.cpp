#include "FakeClock.h"

namespace Dps::Test {

FakeClock::FakeClock(qint64 startMs)
    : m_nowMs(startMs)
{}

void FakeClock::callLater(int delayMs, QObject *context, std::function<void()> callback)
{
    m_requested.append(delayMs);
    m_timers.append(
        Timer{m_nowMs + qMax(0, delayMs), m_seq++, context != nullptr, context, std::move(callback)});
}

bool FakeClock::runOneDue(qint64 untilMs)
{
    qsizetype best = -1;
    for (qsizetype i = 0; i < m_timers.size(); ++i) {
        const Timer &t = m_timers.at(i);
        if (t.dueMs > untilMs)
            continue;
        if (best < 0 || t.dueMs < m_timers.at(best).dueMs
            || (t.dueMs == m_timers.at(best).dueMs && t.seq < m_timers.at(best).seq))
            best = i;
    }
    if (best < 0)
        return false;
    Timer timer = m_timers.takeAt(best);
    m_nowMs = qMax(m_nowMs, timer.dueMs);
    if (!timer.hasContext || timer.context)
        timer.callback();
    return true;
}

int FakeClock::advance(qint64 ms)
{
    const qint64 until = m_nowMs + qMax<qint64>(0, ms);
    int ran = 0;
    while (runOneDue(until))
        ++ran;
    m_nowMs = until;
    return ran;
}

bool FakeClock::advanceToNext()
{
    const qint64 due = nextDueMs();
    if (due < 0)
        return false;
    advance(due - m_nowMs);
    return true;
}

int FakeClock::pendingCount() const
{
    int n = 0;
    for (const Timer &t : m_timers) {
        if (!t.hasContext || t.context)
            ++n;
    }
    return n;
}

qint64 FakeClock::nextDueMs() const
{
    qint64 due = -1;
    for (const Timer &t : m_timers) {
        if ((!t.hasContext || t.context) && (due < 0 || t.dueMs < due))
            due = t.dueMs;
    }
    return due;
}

} // namespace Dps::Test
