#include "Pages.h"
#include "SetupWizard.h"
#include "ui/widgets/CopyField.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/PlainText.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Dps::Ui {

using Identity::SignInMethod;

WizardPage::WizardPage(Setup::SetupController &controller, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
{
}

QLabel *WizardPage::addLabeledRow(QFormLayout *form, const QString &text, QWidget *field)
{
    auto *label = new QLabel(text);
    label->setBuddy(field);
    form->addRow(label, field); // the form's widget becomes the label's parent
    return label;
}

QButtonGroup *WizardPage::exclusive(std::initializer_list<QRadioButton *> buttons)
{
    auto *group = new QButtonGroup(this);
    for (QRadioButton *b : buttons) {
        group->addButton(b);
        b->setAccessibleName(QString(b->text()).remove(QLatin1Char('&')));
    }
    return group;
}

SetupWizard *WizardPage::setupWizard() const
{
    return qobject_cast<SetupWizard *>(wizard());
}

namespace {
enum CloudIndex { PublicCloud, ChinaCloud, UsGovCloud, CustomCloud, SandboxCloud };
} // namespace

SignInPage::SignInPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("signInPage"));
    setTitle(tr("Sign in to Azure"));
    setSubTitle(tr("DPS Setup works in the subscriptions of the account you sign in with. Nothing is changed in "
                   "Azure until you have reviewed the whole plan."));

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText); // the signed-in name comes from Entra ID
    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_tenants = new QListWidget(this);
    m_tenants->setObjectName(QStringLiteral("tenantList"));
    m_tenants->setAccessibleName(tr("Tenants of the account"));
    m_tenants->setMaximumHeight(m_tenants->fontMetrics().height() * 5);
    m_tenants->setVisible(false);
    for (QListWidget *list : {m_tenants}) {
        const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        list->setIconSize(QSize(icon, icon));
        list->setWordWrap(true);
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    wrapText(m_status);

    // Try first: the embedded sandbox.
    auto *tryBox = new QGroupBox(tr("No Azure account at hand?"), this);
    m_trySandbox = new QPushButton(tr("&Try it without an Azure account"), tryBox);
    m_trySandbox->setObjectName(QStringLiteral("trySandboxButton"));
    m_trySandbox->setAccessibleName(tr("Try it without an Azure account"));
    auto *tryText = new QLabel(tr("Starts a local sandbox that behaves like Azure, with demo subscriptions. Nothing is "
                                  "created in Azure and no account is needed."),
                               tryBox);
    wrapText(tryText);
    auto *tryLayout = new QHBoxLayout(tryBox);
    tryLayout->addWidget(m_trySandbox);
    tryLayout->addWidget(tryText, 1);

    // Remembered accounts.
    m_accountsBox = new QGroupBox(tr("Remembered accounts"), this);
    m_accounts = new QListWidget(m_accountsBox);
    m_accounts->setObjectName(QStringLiteral("accountList"));
    m_accounts->setAccessibleName(tr("Remembered accounts"));
    m_accounts->setMaximumHeight(m_accounts->fontMetrics().height() * 5);
    const int smallIcon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_accounts->setIconSize(QSize(smallIcon, smallIcon));
    m_useAccount = new QPushButton(tr("&Use this account"), m_accountsBox);
    m_useAccount->setObjectName(QStringLiteral("useAccountButton"));
    m_useAccount->setAccessibleName(tr("Use the selected account"));
    auto *accountsLayout = new QHBoxLayout(m_accountsBox);
    accountsLayout->addWidget(m_accounts, 1);
    accountsLayout->addWidget(m_useAccount, 0, Qt::AlignTop);

    // A new sign-in.
    auto *signInBox = new QGroupBox(tr("Sign in"), this);
    m_cloud = new QComboBox(signInBox);
    m_cloud->setObjectName(QStringLiteral("cloudCombo"));
    m_cloud->addItem(tr("Azure (global)"));
    m_cloud->addItem(tr("Azure operated by 21Vianet (China)"));
    m_cloud->addItem(tr("Azure US Government"));
    m_cloud->addItem(tr("Custom endpoint"));
    m_cloud->setAccessibleName(tr("Cloud"));
    m_armEndpoint = new QLineEdit(signInBox);
    m_armEndpoint->setObjectName(QStringLiteral("armEndpointEdit"));
    m_armEndpoint->setPlaceholderText(QStringLiteral("https://management.example.com/"));
    m_armEndpoint->setAccessibleName(tr("Resource Manager endpoint"));
    m_authority = new QLineEdit(signInBox);
    m_authority->setObjectName(QStringLiteral("authorityEdit"));
    m_authority->setPlaceholderText(QStringLiteral("https://login.example.com/"));
    m_authority->setAccessibleName(tr("Sign-in authority"));

    m_browser = new QRadioButton(tr("In my &web browser (recommended)"), signInBox);
    m_browser->setObjectName(QStringLiteral("browserRadio"));
    m_deviceCode = new QRadioButton(tr("With a &code on another device"), signInBox);
    m_deviceCode->setObjectName(QStringLiteral("deviceCodeRadio"));
    m_servicePrincipal = new QRadioButton(tr("As a service &principal (app ID and secret)"), signInBox);
    m_servicePrincipal->setObjectName(QStringLiteral("servicePrincipalRadio"));
    m_azureCli = new QRadioButton(tr("With the Azure CLI's l&ogin (az login)"), signInBox);
    m_azureCli->setObjectName(QStringLiteral("azureCliRadio"));
    m_browser->setChecked(true);
    auto *methods = exclusive({m_browser, m_deviceCode, m_servicePrincipal, m_azureCli});

    m_spFields = new QWidget(signInBox);
    m_tenant = new QLineEdit(m_spFields);
    m_tenant->setObjectName(QStringLiteral("tenantEdit"));
    m_tenant->setAccessibleName(tr("Tenant ID"));
    m_tenant->setPlaceholderText(tr("Tenant ID or domain, e.g. contoso.onmicrosoft.com"));
    m_clientId = new QLineEdit(m_spFields);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setAccessibleName(tr("Application (client) ID"));
    m_secret = new QLineEdit(m_spFields);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setToolTip(tr("Kept only in your system's keychain."));
    auto *spLayout = new QFormLayout(m_spFields);
    spLayout->setContentsMargins(0, 0, 0, 0);
    addLabeledRow(spLayout, tr("Tenant I&D:"), m_tenant);
    addLabeledRow(spLayout, tr("Applicat&ion ID:"), m_clientId);
    addLabeledRow(spLayout, tr("Client s&ecret:"), m_secret);

    m_formMessage = new FieldMessage(nullptr, signInBox);
    m_formMessage->setObjectName(QStringLiteral("signInFormMessage"));
    m_signIn = new QPushButton(tr("&Sign in"), signInBox);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setAccessibleName(tr("Sign in"));
    m_cancel = new QPushButton(tr("Stop waitin&g"), signInBox);
    m_cancel->setObjectName(QStringLiteral("cancelSignInButton"));
    m_cancel->setAccessibleName(tr("Stop waiting for the sign-in"));
    m_cancel->setVisible(false);
    m_progress = new QLabel(signInBox);
    m_progress->setObjectName(QStringLiteral("signInProgress"));
    wrapText(m_progress);
    m_progress->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_progress->setOpenExternalLinks(false);
    connect(m_progress, &QLabel::linkActivated, this, [this](const QString &link) {
        if (auto *w = setupWizard())
            w->openUrl(QUrl(link));
    });
    m_code = new CopyField(signInBox);
    m_code->setObjectName(QStringLiteral("deviceCodeField"));
    m_code->setNames(tr("Sign-in code"), tr("Copy t&he code"), tr("Copied"));
    m_code->setVisible(false);
    m_progress->setVisible(false);

    auto *form = new QFormLayout;
    addLabeledRow(form, tr("C&loud:"), m_cloud);
    m_armLabel = addLabeledRow(form, tr("&Resource Manager:"), m_armEndpoint);
    m_authorityLabel = addLabeledRow(form, tr("Sign-in &authority:"), m_authority);
    auto *methodBox = new QVBoxLayout;
    for (QRadioButton *b : {m_browser, m_deviceCode, m_servicePrincipal, m_azureCli})
        methodBox->addWidget(b);
    methodBox->addWidget(m_spFields);
    auto *methodLabel = new QLabel(tr("Method:"), signInBox);
    form->addRow(methodLabel, methodBox);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *signInLayout = new QVBoxLayout(signInBox);
    signInLayout->addLayout(form);
    signInLayout->addWidget(m_formMessage);
    signInLayout->addLayout(buttons);
    signInLayout->addWidget(m_progress);
    signInLayout->addWidget(m_code);

    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("signInBanner"));
    // What the last session left behind (an unfinished run, settings that could not be read).
    m_startupNotes = new MessageBanner(this);
    m_startupNotes->setObjectName(QStringLiteral("startupNotes"));
    const QStringList notes = controller.startupNotes();
    if (!notes.isEmpty())
        m_startupNotes->showMessage(Status::Info, notes.join(QLatin1Char('\n')));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_startupNotes);
    layout->addWidget(m_status);
    layout->addWidget(m_tenants);
    layout->addWidget(m_banner);
    layout->addWidget(tryBox);
    layout->addWidget(m_accountsBox);
    layout->addWidget(signInBox);
    layout->addStretch();

    connect(m_cloud, &QComboBox::currentIndexChanged, this, &SignInPage::updateMethodFields);
    connect(methods, &QButtonGroup::buttonToggled, this, &SignInPage::updateMethodFields);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::startSignIn);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_op)
            m_op->cancel();
    });
    connect(m_useAccount, &QPushButton::clicked, this, &SignInPage::useSelectedAccount);
    connect(m_accounts, &QListWidget::itemActivated, this, &SignInPage::useSelectedAccount);
    connect(m_accounts, &QListWidget::currentRowChanged, this, [this](int row) { m_useAccount->setEnabled(row >= 0 && !m_busy); });
    connect(m_trySandbox, &QPushButton::clicked, this, &SignInPage::trySandbox);
    connect(&controller, &Setup::SetupController::signedIn, this, [this] {
        setBusy(false);
        m_banner->clear();
        m_secret->clear(); // the keychain has it now (or this session's memory); never keep it in a field
        m_code->setVisible(false);
        refreshStatus();
        refreshAccounts();
        m_tenants->clear();
        m_tenants->setVisible(false);
        // A person's account: list its tenants with their state (some may need their own sign-in).
        if (this->controller().canSignIn() && wizard() && wizard()->currentPage() == this)
            this->controller().loadSubscriptions();
        Q_EMIT completeChanged();
    });
    connect(&controller, &Setup::SetupController::subscriptionsChanged, this, &SignInPage::showTenants);
    connect(&controller, &Setup::SetupController::signInFailed, this, [this](const QString &message) {
        setBusy(false);
        m_code->setVisible(false);
        m_banner->clearActions();
        m_banner->showMessage(Status::Error, message);
        refreshStatus();
        refreshAccounts();
        Q_EMIT completeChanged();
    });
    updateMethodFields();
}

void SignInPage::initializePage()
{
    m_trySandbox->setEnabled(controller().canStartSandbox());
    refreshAccounts();
    refreshStatus();
}

bool SignInPage::isComplete() const
{
    return controller().isSignedIn() && !m_busy;
}

void SignInPage::updateMethodFields()
{
    const bool custom = m_cloud->currentIndex() == CustomCloud;
    m_armLabel->setVisible(custom);
    m_armEndpoint->setVisible(custom);
    m_authorityLabel->setVisible(custom);
    m_authority->setVisible(custom);
    m_spFields->setVisible(m_servicePrincipal->isChecked());
    m_formMessage->clear();
}

void SignInPage::showTenants()
{
    const auto tenants = controller().tenants();
    m_tenants->clear();
    for (const auto &t : tenants) {
        const QString name = t.displayName.isEmpty() ? t.tenantId : t.displayName;
        QString text;
        Status status = Status::Ok;
        switch (t.state) {
        case Identity::AccountTenant::State::Ready:
            //: A tenant of the signed-in account: "Contoso (contoso.example): ready, 2 subscriptions".
            text = tr("%1 (%2): ready, %n subscription(s)", nullptr, int(t.subscriptions.size()))
                       .arg(name, t.defaultDomain.isEmpty() ? t.tenantId : t.defaultDomain);
            break;
        case Identity::AccountTenant::State::NeedsSignIn:
            status = Status::Warning;
            text = tr("%1: needs its own sign-in (%2)").arg(name, t.message);
            break;
        case Identity::AccountTenant::State::Failed:
            status = Status::Error;
            text = tr("%1: could not be read (%2)").arg(name, t.message);
            break;
        }
        auto *item = new QListWidgetItem(statusIcon(status), text, m_tenants);
        item->setToolTip(plainToolTip(text)); // the message comes from Entra ID
        item->setData(Qt::UserRole, Identity::AccountTenant::stateName(t.state));
    }
    m_tenants->setVisible(!tenants.isEmpty());
}

void SignInPage::refreshAccounts()
{
    // The account chosen before, else the one used last: chosen already, so "Use this account" works
    // at once (with the keyboard too).
    const QString current = m_accounts->currentItem() ? m_accounts->currentItem()->data(Qt::UserRole).toString()
                                                      : controller().lastUsedAccountId();
    m_accounts->clear();
    const auto accounts = controller().rememberedAccounts();
    for (const auto &account : accounts) {
        //: A remembered account: "alex@contoso.example (Alex Wilber) · browser sign-in · AzureCloud".
        QString text = tr("%1 · %2 · %3").arg(account.label(), Identity::methodLabel(account.method), account.cloudName);
        if (account.needsSignIn)
            text = tr("%1 (sign in again)").arg(text);
        auto *item = new QListWidgetItem(text, m_accounts);
        item->setData(Qt::UserRole, account.id);
        item->setIcon(statusIcon(account.needsSignIn ? Status::Warning : Status::Ok));
        if (account.id == current)
            m_accounts->setCurrentItem(item);
    }
    if (m_accounts->currentRow() < 0 && m_accounts->count() > 0)
        m_accounts->setCurrentRow(0);
    m_accountsBox->setVisible(!accounts.isEmpty());
    m_useAccount->setEnabled(m_accounts->currentRow() >= 0 && !m_busy);
}

void SignInPage::refreshStatus()
{
    // Once a sandbox runs, one can also sign in to it as its demo user (browser, device code...).
    if (controller().sandboxCloud() && m_cloud->count() == SandboxCloud)
        m_cloud->addItem(tr("Local sandbox"));
    // The cloud field names the cloud in use (the sandbox's "Try it" included), not the default.
    if (controller().isSandbox() && m_cloud->count() > SandboxCloud)
        m_cloud->setCurrentIndex(SandboxCloud);
    if (!controller().isSignedIn()) {
        m_status->setText(tr("Not signed in yet. Choose how to sign in below."));
    } else if (controller().isSandbox()) {
        m_status->setText(tr("Signed in to the local sandbox as %1. Everything you create lives only on this computer; "
                             "press Next to go on.")
                              .arg(controller().identityLabel()));
    } else {
        m_status->setText(tr("Signed in as %1 (%2). Press Next to go on, or sign in with another account below.")
                              .arg(controller().identityLabel(), controller().cloud().name));
    }
    m_status->setAccessibleName(m_status->text());
}

void SignInPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_signIn->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_trySandbox->setEnabled(!busy && controller().canStartSandbox());
    m_useAccount->setEnabled(!busy && m_accounts->currentRow() >= 0);
    m_progress->setText(text);
    m_progress->setVisible(!text.isEmpty());
    Q_EMIT completeChanged();
}

Arm::Cloud SignInPage::chosenCloud(QString *problem) const
{
    Arm::Cloud cloud;
    switch (m_cloud->currentIndex()) {
    case ChinaCloud:
        cloud = Arm::Cloud::azureChina();
        break;
    case UsGovCloud:
        cloud = Arm::Cloud::azureUsGovernment();
        break;
    case CustomCloud:
        cloud = Arm::Cloud::custom(QUrl(m_armEndpoint->text().trimmed()), QUrl(m_authority->text().trimmed()));
        break;
    case SandboxCloud:
        cloud = controller().sandboxCloud().value_or(Arm::Cloud());
        break;
    default:
        cloud = Arm::Cloud::azurePublic();
        break;
    }
    *problem = cloud.validate();
    return cloud;
}

void SignInPage::startSignIn()
{
    m_banner->clear();
    QString problem;
    const Arm::Cloud cloud = chosenCloud(&problem);
    if (!problem.isEmpty()) {
        m_formMessage->setMessage(Status::Error, problem);
        return;
    }
    if (!controller().canSignIn()) {
        m_formMessage->setMessage(Status::Error, tr("Signing in needs the system keychain service, which is not available."));
        return;
    }
    SignInMethod method = SignInMethod::Browser;
    if (m_deviceCode->isChecked())
        method = SignInMethod::DeviceCode;
    else if (m_servicePrincipal->isChecked())
        method = SignInMethod::ServicePrincipal;
    else if (m_azureCli->isChecked())
        method = SignInMethod::AzureCli;

    Identity::SignInOptions options;
    if (method == SignInMethod::ServicePrincipal) {
        options.tenant = m_tenant->text().trimmed();
        options.clientId = m_clientId->text().trimmed();
        options.clientSecret = m_secret->text();
        if (options.tenant.isEmpty() || options.clientId.isEmpty() || options.clientSecret.isEmpty()) {
            m_formMessage->setMessage(Status::Error, tr("Enter the tenant, the application ID and the client secret of the "
                                                        "service principal."));
            return;
        }
    }
    m_formMessage->clear();
    m_op = controller().signIn(method, cloud, options);
    if (!m_op)
        return;
    switch (method) {
    case SignInMethod::Browser:
        setBusy(true, tr("Opening your browser… Finish signing in there; this page goes on by itself."));
        break;
    case SignInMethod::DeviceCode:
        setBusy(true, tr("Asking Microsoft Entra ID for a sign-in code…"));
        break;
    case SignInMethod::ServicePrincipal:
        setBusy(true, tr("Checking the service principal…"));
        break;
    case SignInMethod::AzureCli:
        setBusy(true, tr("Asking the Azure CLI for its signed-in account…"));
        break;
    }
    connect(m_op, &Identity::AccountOperation::waitingForBrowser, this, [this](const QUrl &url) {
        setBusy(true, tr("Waiting for you to finish signing in in your browser. If no browser opened, "
                         "<a href=\"%1\">open the sign-in page</a> yourself.")
                          .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped()));
    });
    connect(m_op, &Identity::AccountOperation::codeReady, this,
            [this](const QString &code, const QUrl &uri, const QString &, int expiresIn) {
                setBusy(true, tr("On any device, open <a href=\"%1\">%2</a> and enter the code below. It works for %n minute(s).",
                                 nullptr, qMax(1, expiresIn / 60))
                                  .arg(uri.toString(QUrl::FullyEncoded).toHtmlEscaped(), uri.toDisplayString().toHtmlEscaped()));
                m_code->setValue(code);
                m_code->setVisible(true);
            });
    connect(m_op, &Identity::AccountOperation::keychainUnavailable, this,
            [this](const Secrets::SecretError &, const QString &message) {
                m_banner->clearActions();
                m_banner->showMessage(Status::Warning, message);
                m_banner->addAction(tr("Continue &for this session only"), [this] {
                    m_banner->clear();
                    if (m_op)
                        m_op->stayForSessionOnly();
                });
            });
}

void SignInPage::useSelectedAccount()
{
    const QListWidgetItem *item = m_accounts->currentItem();
    if (!item || m_busy)
        return;
    std::optional<Identity::Account> account;
    for (const auto &a : controller().rememberedAccounts()) {
        if (a.id == item->data(Qt::UserRole).toString())
            account = a;
    }
    if (!account)
        return;
    m_banner->clear();
    setBusy(true, tr("Signing in as %1…").arg(account->label().toHtmlEscaped())); // rich text (links); the name is Entra's
    controller().useAccount(*account);
}

void SignInPage::trySandbox()
{
    m_banner->clear();
    setBusy(true, tr("Starting the sandbox…"));
    controller().startSandbox();
}

} // namespace Dps::Ui
