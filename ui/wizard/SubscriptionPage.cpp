#include "Pages.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Dps::Ui {

namespace {
QString subscriptionStateText(const Arm::Subscription &s)
{
    if (s.state == QLatin1String("Enabled"))
        return {};
    if (s.state == QLatin1String("Disabled"))
        return SubscriptionPage::tr("disabled");
    if (s.state == QLatin1String("Warned"))
        return SubscriptionPage::tr("warned: pay the overdue bill soon");
    if (s.state == QLatin1String("PastDue"))
        return SubscriptionPage::tr("past due");
    return s.state;
}
} // namespace

SubscriptionPage::SubscriptionPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("subscriptionPage"));
    setTitle(tr("Subscription and resource group"));
    setSubTitle(tr("Choose where the new resources go. A resource group is a folder for Azure resources that share a "
                   "lifetime."));

    m_subscription = new QComboBox(this);
    m_subscription->setObjectName(QStringLiteral("subscriptionCombo"));
    m_subscription->setAccessibleName(tr("Subscription"));
    m_subscriptionMessage = new FieldMessage(m_subscription, this);
    m_subscriptionMessage->setObjectName(QStringLiteral("subscriptionMessage"));
    m_tenants = new MessageBanner(this);
    m_tenants->setObjectName(QStringLiteral("tenantBanner"));
    m_provider = new MessageBanner(this);
    m_provider->setObjectName(QStringLiteral("providerBanner"));

    m_newGroup = new QRadioButton(tr("Create a ne&w resource group"), this);
    m_newGroup->setObjectName(QStringLiteral("newGroupRadio"));
    m_existingGroup = new QRadioButton(tr("Use an &existing resource group"), this);
    m_existingGroup->setObjectName(QStringLiteral("existingGroupRadio"));
    m_newGroup->setChecked(true);
    auto *groupChoice = exclusive({m_newGroup, m_existingGroup});
    m_groupName = new QLineEdit(this);
    m_groupName->setObjectName(QStringLiteral("groupNameEdit"));
    m_groupName->setAccessibleName(tr("New resource group name"));
    m_groupName->setPlaceholderText(tr("e.g. iot-provisioning"));
    m_groupMessage = new FieldMessage(m_groupName, this);
    m_groupMessage->setObjectName(QStringLiteral("groupMessage"));
    m_groups = new QComboBox(this);
    m_groups->setObjectName(QStringLiteral("groupCombo"));
    m_groups->setAccessibleName(tr("Existing resource group"));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setAccessibleName(tr("Region"));
    m_regionMessage = new FieldMessage(m_region, this);
    m_regionMessage->setObjectName(QStringLiteral("regionMessage"));

    auto *form = new QFormLayout;
    addLabeledRow(form, tr("&Subscription:"), m_subscription);
    form->addRow(QString(), m_subscriptionMessage);
    form->addRow(QString(), m_tenants);
    auto *groupBox = new QGroupBox(tr("Resource group"), this);
    auto *groupLayout = new QFormLayout(groupBox);
    groupLayout->addRow(m_newGroup);
    addLabeledRow(groupLayout, tr("N&ame:"), m_groupName);
    groupLayout->addRow(QString(), m_groupMessage);
    groupLayout->addRow(m_existingGroup);
    addLabeledRow(groupLayout, tr("&Group:"), m_groups);
    auto *regionForm = new QFormLayout;
    addLabeledRow(regionForm, tr("&Region:"), m_region);
    regionForm->addRow(QString(), m_regionMessage);
    auto *regionNote = new QLabel(tr("Only regions that offer both the Device Provisioning Service and IoT Hub are listed."), this);
    wrapText(regionNote);
    regionForm->addRow(QString(), regionNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_provider);
    layout->addWidget(groupBox);
    layout->addLayout(regionForm);
    layout->addStretch();

    connect(m_subscription, &QComboBox::currentIndexChanged, this, &SubscriptionPage::onSubscriptionChosen);
    connect(groupChoice, &QButtonGroup::buttonToggled, this, [this] {
        m_groupName->setEnabled(m_newGroup->isChecked());
        m_groups->setEnabled(m_existingGroup->isChecked());
        updateGroupMessage();
    });
    connect(m_groupName, &QLineEdit::textEdited, this, &SubscriptionPage::updateGroupMessage);
    connect(m_groups, &QComboBox::currentIndexChanged, this, [this] {
        updateRegions();
        Q_EMIT completeChanged();
    });
    connect(m_region, &QComboBox::currentIndexChanged, this, &SubscriptionPage::completeChanged);

    connect(&controller, &Setup::SetupController::subscriptionsChanged, this, &SubscriptionPage::fillSubscriptions);
    connect(&controller, &Setup::SetupController::signedIn, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            initializePage(); // e.g. after signing in to a tenant that needed it
    });
    connect(&controller, &Setup::SetupController::signInFailed, this, [this](const QString &message) {
        if (wizard() && wizard()->currentPage() == this)
            m_tenants->showMessage(Status::Error, message);
    });
    connect(&controller, &Setup::SetupController::resourceGroupsChanged, this,
            [this](const QString &sub, const QList<Arm::ResourceGroup> &groups) {
                if (sub != currentSubscription())
                    return;
                m_groupList = groups;
                const QString keep = m_groups->currentData().toString().isEmpty() ? plan().resourceGroup : m_groups->currentData().toString();
                m_groups->clear();
                for (const auto &g : groups)
                    m_groups->addItem(tr("%1 (%2)").arg(g.name, g.location), g.name);
                const int i = m_groups->findData(keep);
                if (i >= 0)
                    m_groups->setCurrentIndex(i);
                m_existingGroup->setEnabled(!groups.isEmpty());
                updateGroupMessage();
            });
    connect(&controller, &Setup::SetupController::locationsChanged, this,
            [this](const QString &sub, const QList<Arm::Location> &locations) {
                if (sub != currentSubscription())
                    return;
                m_locations = locations;
                updateRegions();
            });
    connect(&controller, &Setup::SetupController::providerStateChanged, this, &SubscriptionPage::onProviderState);
    connect(&controller, &Setup::SetupController::loadFailed, this, [this](const QString &what, const Arm::ArmError &error) {
        if (!isVisible() && wizard() && wizard()->currentPage() != this)
            return;
        if (what == QLatin1String("subscriptions")) {
            m_subscriptionMessage->setMessage(Status::Error, error.userMessage());
        } else if (what == QLatin1String("provider") || what == QLatin1String("registerProvider")) {
            m_registering = false;
            m_provider->clearActions();
            m_provider->showError(error);
            m_provider->addAction(tr("&Try again"), [this] { onSubscriptionChosen(); });
        } else if (what == QLatin1String("resourceGroups") || what == QLatin1String("locations")) {
            m_regionMessage->setMessage(Status::Error, error.userMessage());
        }
        Q_EMIT completeChanged();
    });
}

QString SubscriptionPage::currentSubscription() const
{
    return m_subscription->currentData().toString();
}

void SubscriptionPage::initializePage()
{
    if (plan().resourceGroup.isEmpty() && m_groupName->text().isEmpty())
        m_groupName->setText(QStringLiteral("iot-provisioning"));
    else if (m_groupName->text().isEmpty())
        m_groupName->setText(plan().resourceGroup);
    if (!plan().createResourceGroup)
        m_existingGroup->setChecked(true);
    // The sign-in page may have listed them already for this identity.
    if (controller().subscriptionsLoaded()) {
        fillSubscriptions(controller().subscriptions());
        return;
    }
    m_subscription->setEnabled(false);
    m_subscriptionMessage->setMessage(Status::Busy, tr("Loading your subscriptions…"));
    controller().loadSubscriptions();
}

void SubscriptionPage::fillSubscriptions(const QList<Arm::Subscription> &subscriptions)
{
    const QString keep = currentSubscription().isEmpty() ? plan().subscriptionId : currentSubscription();
    QSignalBlocker block(m_subscription);
    m_subscription->clear();
    for (const auto &s : subscriptions) {
        const QString state = subscriptionStateText(s);
        //: Subscription in the list: "Production (1f0c2a6e-...)", with its state when not enabled.
        const QString text = state.isEmpty() ? tr("%1 (%2)").arg(s.displayName, s.subscriptionId)
                                             : tr("%1 (%2) — %3").arg(s.displayName, s.subscriptionId, state);
        m_subscription->addItem(text, s.subscriptionId);
        m_subscription->setItemData(m_subscription->count() - 1, s.tenantId, Qt::UserRole + 1);
        m_subscription->setItemData(m_subscription->count() - 1, s.state, Qt::UserRole + 2);
    }
    const int i = m_subscription->findData(keep);
    m_subscription->setCurrentIndex(i >= 0 ? i : 0);
    m_subscription->setEnabled(!subscriptions.isEmpty());

    // Tenants whose token needs an interactive sign-in (MFA, Conditional Access): named, with a button
    // that signs in to that tenant; their subscriptions are listed afterwards.
    QStringList blocked;
    m_tenants->clear();
    for (const auto &t : controller().tenants()) {
        if (t.state == Identity::AccountTenant::State::Ready)
            continue;
        const QString name = t.displayName.isEmpty() ? t.tenantId : t.displayName;
        blocked << tr("%1: %2").arg(name, t.message);
        if (t.state != Identity::AccountTenant::State::NeedsSignIn)
            continue;
        const QString tenantId = t.tenantId;
        m_tenants->addAction(tr("Sign in to %1").arg(name), [this, tenantId, name] {
            m_tenants->clearActions();
            m_tenants->showMessage(Status::Busy, tr("Signing in to %1… Finish the sign-in in your browser.").arg(name));
            controller().signInToTenant(tenantId);
        })->setObjectName(QStringLiteral("signInTenant-") + tenantId);
    }
    if (!blocked.isEmpty())
        m_tenants->showMessage(Status::Info, tr("Subscriptions of these tenants are not listed until you sign in to them:\n%1")
                                                 .arg(blocked.join(QLatin1Char('\n'))));

    if (subscriptions.isEmpty()) {
        m_subscriptionMessage->setMessage(Status::Error, tr("This account has no subscriptions. Create one in the Azure portal "
                                                            "or sign in with another account."));
    } else {
        m_subscriptionMessage->clear();
    }
    onSubscriptionChosen();
    // The remembered subscription is gone (deleted, moved, access taken away): say so, don't just
    // silently pick another one.
    if (!keep.isEmpty() && i < 0 && !subscriptions.isEmpty() && m_subscriptionMessage->status() != Status::Error)
        m_subscriptionMessage->setMessage(Status::Warning,
                                          tr("The subscription of your last setup (%1) is not listed any more: it was deleted, or "
                                             "this account lost access to it. Choose one of these.")
                                              .arg(keep));
}

void SubscriptionPage::onSubscriptionChosen()
{
    const QString sub = currentSubscription();
    m_providerRegistered = false;
    m_registering = false;
    m_groupList.clear();
    m_locations.clear();
    m_groups->clear();
    m_region->clear();
    m_provider->clear();
    m_regionMessage->clear();
    if (sub.isEmpty()) {
        Q_EMIT completeChanged();
        return;
    }
    const QString state = m_subscription->currentData(Qt::UserRole + 2).toString();
    if (state != QLatin1String("Enabled") && state != QLatin1String("Warned")) {
        m_subscriptionMessage->setMessage(Status::Error, tr("This subscription is %1: nothing can be created in it. "
                                                            "Choose another one, or re-enable it in the Azure portal.")
                                                             .arg(subscriptionStateText(Arm::Subscription{sub, {}, {}, state})));
        Q_EMIT completeChanged();
        return;
    }
    m_subscriptionMessage->clear();
    const QString tenant = m_subscription->currentData(Qt::UserRole + 1).toString();
    plan().subscriptionId = sub;
    plan().tenantId = tenant;
    m_provider->showMessage(Status::Busy, tr("Checking that the subscription can hold IoT resources…"));
    m_regionMessage->setMessage(Status::Busy, tr("Loading regions…"));
    controller().providerState(sub, tenant);
    controller().loadResourceGroups(sub, tenant);
    Q_EMIT completeChanged();
}

void SubscriptionPage::onProviderState(const QString &subscriptionId, const Arm::ProviderState &state)
{
    if (subscriptionId != currentSubscription())
        return;
    m_providerRegistered = state.isRegistered();
    m_provider->clearActions();
    if (state.isRegistered()) {
        m_registering = false;
        m_provider->clear();
        controller().loadLocations(subscriptionId, m_subscription->currentData(Qt::UserRole + 1).toString());
    } else if (m_registering || state.registrationState == QLatin1String("Registering")) {
        m_provider->showMessage(Status::Busy, tr("Registering Microsoft.Devices in this subscription. This usually takes a minute…"));
    } else {
        m_provider->showMessage(Status::Warning,
                                tr("This subscription is not registered for IoT resources yet (the resource provider "
                                   "Microsoft.Devices is %1). Register it to create a DPS or an IoT hub here; it is free "
                                   "and takes about a minute.")
                                    .arg(state.registrationState.isEmpty() ? tr("not registered") : state.registrationState));
        m_provider->addAction(tr("Register &Microsoft.Devices"), [this, subscriptionId] {
            m_registering = true;
            m_provider->clearActions();
            m_provider->showMessage(Status::Busy, tr("Registering Microsoft.Devices in this subscription. This usually takes a minute…"));
            controller().registerProvider(subscriptionId, m_subscription->currentData(Qt::UserRole + 1).toString());
        })->setObjectName(QStringLiteral("registerProviderButton"));
        m_regionMessage->clear();
    }
    Q_EMIT completeChanged();
}

void SubscriptionPage::updateGroupMessage()
{
    if (m_newGroup->isChecked()) {
        const QString name = m_groupName->text().trimmed();
        const QString problem = Setup::SetupController::resourceGroupProblem(name);
        bool exists = false;
        for (const auto &g : std::as_const(m_groupList))
            exists = exists || g.name.compare(name, Qt::CaseInsensitive) == 0;
        if (!problem.isEmpty())
            m_groupMessage->setMessage(Status::Error, problem);
        else if (exists)
            m_groupMessage->setMessage(Status::Info, tr("A resource group named '%1' exists already; it will be used as it is.").arg(name));
        else
            m_groupMessage->clear();
    } else {
        m_groupMessage->clear();
    }
    updateRegions();
    Q_EMIT completeChanged();
}

void SubscriptionPage::updateRegions()
{
    if (m_locations.isEmpty())
        return;
    QString want = m_region->currentData().toString();
    if (m_existingGroup->isChecked()) {
        for (const auto &g : std::as_const(m_groupList)) {
            if (g.name == m_groups->currentData().toString())
                want = g.location;
        }
    }
    if (want.isEmpty())
        want = plan().location.isEmpty() ? QStringLiteral("westeurope") : plan().location;
    QSignalBlocker block(m_region);
    if (m_region->count() != m_locations.size()) {
        m_region->clear();
        for (const auto &l : std::as_const(m_locations))
            m_region->addItem(l.displayName.isEmpty() ? l.name : l.displayName, l.name);
    }
    int i = m_region->findData(want);
    if (i < 0) {
        for (int k = 0; k < m_region->count(); ++k) {
            if (m_region->itemText(k).compare(want, Qt::CaseInsensitive) == 0)
                i = k;
        }
    }
    m_region->setCurrentIndex(i >= 0 ? i : 0);
    m_regionMessage->clear();
    Q_EMIT completeChanged();
}

bool SubscriptionPage::isComplete() const
{
    if (currentSubscription().isEmpty() || !m_providerRegistered || m_region->currentData().toString().isEmpty())
        return false;
    const QString state = m_subscription->currentData(Qt::UserRole + 2).toString();
    if (state != QLatin1String("Enabled") && state != QLatin1String("Warned"))
        return false;
    if (m_newGroup->isChecked())
        return Setup::SetupController::resourceGroupProblem(m_groupName->text().trimmed()).isEmpty();
    return !m_groups->currentData().toString().isEmpty();
}

bool SubscriptionPage::validatePage()
{
    Setup::PlanInput &p = plan();
    p.subscriptionId = currentSubscription();
    p.tenantId = m_subscription->currentData(Qt::UserRole + 1).toString();
    const QString typed = m_groupName->text().trimmed();
    if (m_newGroup->isChecked()) {
        p.resourceGroup = typed;
        p.createResourceGroup = true; // an existing one of that name is used as it is (the engine checks)
    } else {
        p.resourceGroup = m_groups->currentData().toString();
        p.createResourceGroup = false;
    }
    p.location = m_region->currentData().toString();
    // The hub follows the DPS unless the next pages say otherwise.
    p.hubSubscriptionId.clear();
    p.hubTenantId.clear();
    p.hubResourceGroup.clear();
    p.createHubResourceGroup = p.createResourceGroup;
    p.hubLocation.clear();
    return true;
}

} // namespace Dps::Ui
