#pragma once

// Drives the real SetupWizard the way a person does (typing, picking, pressing Next) against a real
// arm-sandbox process, and optionally saves every page as a PNG (DPS_SCREENSHOT_DIR).

#include "SandboxFixture.h"
#include "setup/SetupController.h"
#include "ui/wizard/Pages.h"
#include "ui/wizard/SetupWizard.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

#include <gtest/gtest.h>

#include <ostream>

QT_BEGIN_NAMESPACE
inline void PrintTo(const QString &string, std::ostream *out)
{
    *out << '"' << string.toStdString() << '"';
}
QT_END_NAMESPACE

namespace Dps::Test {

using Ui::SetupWizard;

inline std::string str(const QString &s)
{
    return s.toStdString();
}

class WizardDriver
{
public:
    explicit WizardDriver(SetupWizard &wizard)
        : m_wizard(wizard)
    {
    }

    template<typename T>
    T *find(const char *objectName) const
    {
        T *w = m_wizard.currentPage() ? m_wizard.currentPage()->findChild<T *>(QLatin1String(objectName)) : nullptr;
        if (!w)
            w = m_wizard.findChild<T *>(QLatin1String(objectName));
        return w;
    }

    // The enabled forward button of the current page: Next, Commit (Apply) or Finish.
    QAbstractButton *forwardButton() const
    {
        for (auto which : {QWizard::CommitButton, QWizard::NextButton, QWizard::FinishButton}) {
            QAbstractButton *b = m_wizard.button(which);
            if (b && b->isVisible())
                return b;
        }
        return nullptr;
    }
    bool canGoOn() const
    {
        QAbstractButton *b = forwardButton();
        return b && b->isEnabled();
    }
    bool waitCanGoOn(int ms = 10000) const
    {
        return QTest::qWaitFor([this] { return canGoOn(); }, ms);
    }
    // Waits until the page allows going on, saves a screenshot, presses the forward button.
    bool next(const char *shotName = nullptr)
    {
        if (!waitCanGoOn())
            return false;
        if (shotName)
            shot(shotName);
        const int before = m_wizard.currentId();
        QTest::mouseClick(forwardButton(), Qt::LeftButton);
        return QTest::qWaitFor([&] { return m_wizard.currentId() != before; }, 2000);
    }
    void type(const char *objectName, const QString &text)
    {
        auto *edit = find<QLineEdit>(objectName);
        ASSERT_NE(edit, nullptr) << objectName;
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    void click(const char *objectName)
    {
        auto *b = find<QAbstractButton>(objectName);
        ASSERT_NE(b, nullptr) << objectName;
        ASSERT_TRUE(b->isEnabled()) << objectName;
        // click(), not a mouse click at the centre: a radio button's label may not reach its centre.
        b->click();
    }
    // Picks the combo entry whose data (or, failing that, text) is `value`, once it is listed.
    bool pick(const char *objectName, const QString &value, int ms = 10000)
    {
        auto *combo = find<QComboBox>(objectName);
        if (!combo)
            return false;
        const bool listed = QTest::qWaitFor(
            [&] { return combo->findData(value) >= 0 || combo->findText(value, Qt::MatchContains) >= 0; }, ms);
        if (!listed)
            return false;
        int i = combo->findData(value);
        if (i < 0)
            i = combo->findText(value, Qt::MatchContains);
        combo->setCurrentIndex(i);
        return true;
    }
    QString message(const char *objectName) const
    {
        auto *m = find<Ui::FieldMessage>(objectName);
        return m ? m->text() : QString();
    }
    Ui::Status messageStatus(const char *objectName) const
    {
        auto *m = find<Ui::FieldMessage>(objectName);
        return m ? m->status() : Ui::Status::None;
    }
    bool waitMessage(const char *objectName, Ui::Status status, int ms = 10000) const
    {
        return QTest::qWaitFor([&] { return messageStatus(objectName) == status; }, ms);
    }
    Ui::MessageBanner *banner(const char *objectName) const { return find<Ui::MessageBanner>(objectName); }

    // DPS_SCREENSHOT_DIR=dir: every page as dir/<Test>-NN-name.png (scripts/screenshots.sh runs this under
    // Xvfb). The whole top-level window is grabbed (the main window when the wizard is embedded).
    void shot(const char *name)
    {
        const QString dir = qEnvironmentVariable("DPS_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QTest::qWait(50);
        const auto *test = ::testing::UnitTest::GetInstance()->current_test_info();
        const QString file = QStringLiteral("%1-%2-%3.png")
                                 .arg(QLatin1String(test ? test->name() : "wizard"))
                                 .arg(++m_shots, 2, 10, QLatin1Char('0'))
                                 .arg(QLatin1String(name));
        m_wizard.window()->grab().save(QDir(dir).filePath(file));
    }

private:
    SetupWizard &m_wizard;
    int m_shots = 0;
};

} // namespace Dps::Test
