#include "SetupWizard.h"

#include "Pages.h"
#include "ui/AppIcon.h"

#include <QDesktopServices>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Dps::Ui {

SetupWizard::SetupWizard(Setup::SetupController &controller, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("DPS Setup"));
    setWindowIcon(applicationIcon());
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    setOption(QWizard::HaveHelpButton, false);

    setPage(SignIn, new SignInPage(controller, this));
    setPage(Subscription, new SubscriptionPage(controller, this));
    setPage(Dps, new DpsPage(controller, this));
    setPage(IotHub, new IotHubPage(controller, this));
    setPage(Link, new LinkPage(controller, this));
    setPage(Policy, new PolicyPage(controller, this));
    setPage(Review, new ReviewPage(controller, this));
    setPage(Apply, new ApplyPage(controller, this));
    setPage(Done, new DonePage(controller, this));
    setStartId(SignIn);

    // The blades as a list beside the pages, so a person always sees where they are and what is left.
    auto *side = new QWidget(this);
    side->setObjectName(QStringLiteral("stepList"));
    side->setAccessibleName(tr("Setup steps"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 8, 16, 8);
    const QStringList names{tr("Sign in"),      tr("Subscription"), tr("Provisioning service"),
                            tr("IoT hub"),      tr("Link"),         tr("Allocation policy"),
                            tr("Review"),       tr("Apply"),        tr("Done")};
    for (int i = 0; i < names.size(); ++i) {
        //: A step in the list beside the wizard: "3. Provisioning service".
        auto *label = new QLabel(tr("%1. %2").arg(i + 1).arg(names[i]), side);
        label->setObjectName(QStringLiteral("step%1").arg(i));
        sideLayout->addWidget(label);
        m_stepLabels << label;
    }
    sideLayout->addStretch();
    setSideWidget(side);
    connect(this, &QWizard::currentIdChanged, this, &SetupWizard::updateSteps);
    updateSteps(SignIn);

    button(QWizard::NextButton)->setAccessibleName(tr("Next page"));
    button(QWizard::BackButton)->setAccessibleName(tr("Previous page"));
    button(QWizard::CancelButton)->setAccessibleName(tr("Cancel the setup"));
    button(QWizard::FinishButton)->setAccessibleName(tr("Close the setup"));
    resize(900, 680);
}

SetupWizard::~SetupWizard() = default;

bool SetupWizard::openUrl(const QUrl &url) const
{
    return m_opener ? m_opener(url) : QDesktopServices::openUrl(url);
}

void SetupWizard::updateSteps(int currentId)
{
    for (int i = 0; i < m_stepLabels.size(); ++i) {
        QFont font = m_stepLabels[i]->font();
        font.setBold(i == currentId);
        m_stepLabels[i]->setFont(font);
        m_stepLabels[i]->setEnabled(i <= currentId);
        //: Accessible description of the current step in the step list.
        m_stepLabels[i]->setAccessibleDescription(i == currentId ? tr("current step") : QString());
    }
}

void SetupWizard::confirmStop(const std::function<void()> &then)
{
    if (!m_controller.isApplying()) {
        then();
        return;
    }
    if (m_closeAnswer) {
        if (m_closeAnswer()) {
            m_controller.cancelApply();
            then();
        }
        return;
    }
    // open(), not exec(): no nested event loop (STYLE.md 3).
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Stop the setup?"),
                                tr("The setup is still running in Azure."), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("stopBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("If you stop now, what has been created stays in Azure, and the next time you apply "
                               "the same plan DPS Setup continues where it stopped instead of starting again."));
    QPushButton *stop = box->addButton(tr("&Stop and close"), QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, stop, then] {
        if (box->clickedButton() == stop) {
            m_controller.cancelApply();
            then();
        }
    });
    box->open();
}

void SetupWizard::confirm(const QString &title, const QString &text, const QString &acceptText,
                          const std::function<void()> &onAccept)
{
    if (m_confirmAnswer) {
        if (m_confirmAnswer(text))
            onAccept();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setTextFormat(Qt::PlainText); // the text may quote Azure's error message
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(acceptText, QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [box, accept, onAccept] {
        if (box->clickedButton() == accept)
            onAccept();
    });
    box->open();
}

bool SetupWizard::closeNeedsConfirmation() const
{
    // Past the sign-in and not done: a half-filled setup (or one that stopped on the Apply page).
    return !m_closing && (m_controller.isApplying() || (currentId() > SignIn && currentId() < Done));
}

void SetupWizard::reject()
{
    const auto close = [this] {
        m_controller.rememberChoices();
        m_closing = true;
        QWizard::reject();
    };
    if (m_closing || !closeNeedsConfirmation()) {
        close();
        return;
    }
    if (m_controller.isApplying()) {
        confirmStop(close);
        return;
    }
    // Esc, Cancel and the window's close button all ask the same question.
    confirm(tr("Close the window?"), // the platform adds " — DPS Setup"
            tr("The setup is not finished. Your choices so far are kept: the next start offers them again."), tr("&Close"),
            close);
}

} // namespace Dps::Ui
