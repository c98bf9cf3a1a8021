#include "Pages.h"
#include "ui/widgets/FieldMessage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Dps::Ui {

namespace {
const QString kOwnerPolicy = QStringLiteral("iothubowner");
const QString kDedicatedPolicy = QStringLiteral("dps-link");
} // namespace

LinkPage::LinkPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("linkPage"));
    setTitle(tr("Link the IoT hub"));
    setSubTitle(tr("The provisioning service registers devices in the hub with one of the hub's access policies."));

    m_usePolicy = new QRadioButton(tr("Use an &existing access policy"), this);
    m_usePolicy->setObjectName(QStringLiteral("existingPolicyRadio"));
    m_createPolicy = new QRadioButton(tr("Create a &dedicated policy with only the permissions linking needs"), this);
    m_createPolicy->setObjectName(QStringLiteral("createPolicyRadio"));
    m_usePolicy->setChecked(true);
    auto *policyChoice = exclusive({m_usePolicy, m_createPolicy});
    m_newPolicy = new QLineEdit(kDedicatedPolicy, this);
    m_newPolicy->setObjectName(QStringLiteral("newPolicyEdit"));
    m_newPolicy->setAccessibleName(tr("Name of the new access policy"));
    m_newPolicy->setMaxLength(64);
    m_newPolicyMessage = new FieldMessage(m_newPolicy, this);
    m_newPolicyMessage->setObjectName(QStringLiteral("newPolicyMessage"));
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("accessPolicyCombo"));
    m_policy->setAccessibleName(tr("Access policy"));
    m_policyMessage = new FieldMessage(m_policy, this);
    m_policyMessage->setObjectName(QStringLiteral("accessPolicyMessage"));
    m_weight = new QSpinBox(this);
    m_weight->setObjectName(QStringLiteral("allocationWeightSpin"));
    m_weight->setAccessibleName(tr("Allocation weight"));
    m_weight->setRange(1, 1000);
    m_apply = new QCheckBox(tr("A&pply allocation policy"), this);
    m_apply->setObjectName(QStringLiteral("applyAllocationPolicyCheck"));
    m_apply->setAccessibleName(tr("Apply allocation policy"));
    m_apply->setChecked(true);

    m_existingLink = new QLabel(this);
    m_existingLink->setObjectName(QStringLiteral("existingLinkNote"));
    m_existingLink->setTextFormat(Qt::PlainText); // names come from Azure
    wrapText(m_existingLink);
    m_existingLink->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(m_existingLink);
    form->addRow(m_usePolicy);
    addLabeledRow(form, tr("&Access policy:"), m_policy);
    form->addRow(QString(), m_policyMessage);
    auto *policyNote = new QLabel(tr("Only policies with the RegistryWrite and ServiceConnect permissions can link a hub."), this);
    wrapText(policyNote);
    form->addRow(QString(), policyNote);
    form->addRow(m_createPolicy);
    addLabeledRow(form, tr("Polic&y name:"), m_newPolicy);
    form->addRow(QString(), m_newPolicyMessage);
    auto *newPolicyNote = new QLabel(tr("The provisioning service then holds a key that can only register devices, not the hub "
                                        "owner's key. Apply adds the policy to the hub."), this);
    wrapText(newPolicyNote);
    form->addRow(QString(), newPolicyNote);
    addLabeledRow(form, tr("Allocation &weight:"), m_weight);
    auto *weightNote = new QLabel(tr("With evenly weighted distribution, a hub with weight 2 gets twice as many devices as "
                                     "a hub with weight 1."), this);
    wrapText(weightNote);
    form->addRow(QString(), weightNote);
    form->addRow(QString(), m_apply);
    auto *applyNote = new QLabel(tr("When it is off, the allocation policy skips this hub; only enrollments that name it "
                                    "send devices there."), this);
    wrapText(applyNote);
    form->addRow(QString(), applyNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_policy, &QComboBox::currentIndexChanged, this, &LinkPage::completeChanged);
    auto updateMode = [this] {
        m_policy->setEnabled(m_usePolicy->isChecked());
        m_newPolicy->setEnabled(m_createPolicy->isChecked());
        const QString problem = m_createPolicy->isChecked() ? newPolicyProblem() : QString();
        if (problem.isEmpty())
            m_newPolicyMessage->clear();
        else
            m_newPolicyMessage->setMessage(Status::Error, problem);
        Q_EMIT completeChanged();
    };
    connect(policyChoice, &QButtonGroup::buttonToggled, this, updateMode);
    connect(m_newPolicy, &QLineEdit::textEdited, this, updateMode);
    connect(&controller, &Setup::SetupController::hubPoliciesChanged, this,
            [this](const QString &sub, const QString &hub, const QList<Arm::AccessPolicy> &policies) {
                if (hub != plan().hubName || sub != plan().effectiveHubSubscription())
                    return;
                m_loading = false;
                const QString keep = plan().link.accessPolicy;
                m_policy->clear();
                m_policyNames.clear();
                for (const auto &p : policies)
                    m_policyNames << p.keyName;
                for (const auto &p : policies)
                    m_policy->addItem(tr("%1 (%2)").arg(p.keyName, p.rights), p.keyName);
                int i = m_policy->findData(keep);
                if (i < 0)
                    i = m_policy->findData(kOwnerPolicy);
                m_policy->setCurrentIndex(i >= 0 ? i : 0);
                if (policies.isEmpty())
                    m_policyMessage->setMessage(Status::Error, tr("The hub '%1' has no access policy with RegistryWrite and "
                                                                  "ServiceConnect. Add one to the hub, or choose another hub.")
                                                                   .arg(hub));
                else
                    m_policyMessage->clear();
                Q_EMIT completeChanged();
            });
    connect(&controller, &Setup::SetupController::loadFailed, this, [this](const QString &what, const Arm::ArmError &error) {
        if (what == QLatin1String("hubPolicies")) {
            m_loading = false;
            m_policyMessage->setMessage(Status::Error, error.userMessage());
            Q_EMIT completeChanged();
        }
    });
}

QString LinkPage::newPolicyProblem() const
{
    const QString name = m_newPolicy->text().trimmed();
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9!#$%()*+,.:;=?@_{}~-]{1,64}$"));
    if (name.isEmpty())
        return tr("Enter a name for the new policy.");
    if (!valid.match(name).hasMatch())
        return tr("Use up to 64 letters, digits, hyphens, underscores or periods.");
    if (name.compare(kOwnerPolicy, Qt::CaseInsensitive) == 0 || name.compare(QLatin1String("service"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("device"), Qt::CaseInsensitive) == 0 || name.compare(QLatin1String("registryRead"), Qt::CaseInsensitive) == 0
        || name.compare(QLatin1String("registryReadWrite"), Qt::CaseInsensitive) == 0)
        return tr("'%1' is one of the hub's built-in policies; choose a name of your own.").arg(name);
    return {};
}

void LinkPage::initializePage()
{
    const Setup::PlanInput &p = plan();
    if (p.link.createPolicy) {
        m_createPolicy->setChecked(true);
        m_newPolicy->setText(p.link.accessPolicy);
    }
    m_weight->setValue(p.link.allocationWeight);
    m_apply->setChecked(p.link.applyAllocationPolicy);
    // The chosen hub may be linked to the chosen DPS already: show the link as it is and start from it.
    std::optional<Arm::LinkedHub> linked;
    const auto &dps = controller().existingDps();
    if (dps && !p.createDps && !p.createHub)
        linked = Setup::linkedHubOf(*dps, p.hubName);
    if (linked) {
        const QString pair = dps->id + QLatin1Char('|') + p.hubName;
        if (m_linkPresetFor != pair) {
            m_linkPresetFor = pair;
            m_weight->setValue(linked->allocationWeight);
            m_apply->setChecked(linked->applyAllocationPolicy);
        }
        m_existingLink->setText(tr("The IoT hub '%1' is already linked to the DPS '%2' with allocation weight %3 and apply allocation "
                                   "policy %4. Apply changes the link only where you change these; its access policy stays as it is.")
                                    .arg(p.hubName, p.dpsName)
                                    .arg(linked->allocationWeight)
                                    .arg(linked->applyAllocationPolicy ? tr("on") : tr("off")));
        m_existingLink->setVisible(true);
    } else {
        m_existingLink->clear();
        m_existingLink->setVisible(false);
    }
    const QString key = QStringLiteral("%1/%2/%3").arg(p.createHub ? QStringLiteral("new") : p.effectiveHubSubscription(),
                                                       p.effectiveHubResourceGroup(), p.hubName);
    if (key == m_loadedFor)
        return;
    m_loadedFor = key;
    m_policy->clear();
    if (p.createHub) {
        m_loading = false;
        m_policy->addItem(tr("%1 (RegistryWrite, ServiceConnect, DeviceConnect, RegistryRead)").arg(kOwnerPolicy), kOwnerPolicy);
        m_policyMessage->setMessage(Status::Info, tr("A new hub comes with the iothubowner policy, which has the permissions "
                                                     "linking needs."));
    } else {
        m_loading = true;
        m_policyMessage->setMessage(Status::Busy, tr("Loading the hub's access policies…"));
        controller().loadHubPolicies(p.hubRef());
    }
    Q_EMIT completeChanged();
}

bool LinkPage::isComplete() const
{
    if (m_createPolicy->isChecked())
        return newPolicyProblem().isEmpty();
    return !m_loading && !m_policy->currentData().toString().isEmpty();
}

bool LinkPage::validatePage()
{
    Services::LinkOptions &link = plan().link;
    link.createPolicy = m_createPolicy->isChecked();
    link.accessPolicy = link.createPolicy ? m_newPolicy->text().trimmed() : m_policy->currentData().toString();
    link.allocationWeight = m_weight->value();
    link.applyAllocationPolicy = m_apply->isChecked();
    return true;
}

PolicyPage::PolicyPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("policyPage"));
    setTitle(tr("Allocation policy"));
    setSubTitle(tr("How the provisioning service chooses a hub for each new device, when more than one hub is linked."));

    m_hashed = new QRadioButton(tr("&Evenly weighted distribution (recommended)"), this);
    m_hashed->setObjectName(QStringLiteral("hashedRadio"));
    m_geoLatency = new QRadioButton(tr("&Lowest latency"), this);
    m_geoLatency->setObjectName(QStringLiteral("geoLatencyRadio"));
    m_static = new QRadioButton(tr("&Static configuration"), this);
    m_static->setObjectName(QStringLiteral("staticRadio"));
    auto *group = new QButtonGroup(this);
    auto *layout = new QVBoxLayout(this);
    const QList<QPair<QRadioButton *, QString>> choices{
        {m_hashed, tr("Devices are spread over the linked hubs in proportion to their allocation weights.")},
        {m_geoLatency, tr("Each device goes to the linked hub with the lowest latency to it, usually the nearest one.")},
        {m_static, tr("Each device goes to the hub named in its enrollment; the allocation policy does not choose.")},
    };
    for (const auto &[button, text] : choices) {
        group->addButton(button);
        button->setAccessibleName(QString(button->text()).remove(QLatin1Char('&')));
        button->setAccessibleDescription(text);
        auto *note = new QLabel(text, this);
        wrapText(note);
        note->setIndent(24);
        layout->addWidget(button);
        layout->addWidget(note);
        layout->addSpacing(8);
    }
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentPolicyNote"));
    m_current->setTextFormat(Qt::PlainText);
    wrapText(m_current);
    m_current->setVisible(false);
    layout->addWidget(m_current);
    layout->addStretch();
    m_hashed->setChecked(true);
}

void PolicyPage::initializePage()
{
    // An existing DPS: start from its own policy (once per DPS; what the person picks then stays) and
    // say what it is now, so that a change is a choice, not a default.
    const auto &dps = controller().existingDps();
    if (dps && !plan().createDps && !dps->allocationPolicy.isEmpty()) {
        if (m_presetFor != dps->id) {
            m_presetFor = dps->id;
            plan().allocationPolicy = dps->allocationPolicy;
        }
        m_current->setText(tr("The DPS '%1' currently uses %2. Choosing another policy changes how it assigns every device "
                              "that registers from now on.")
                               .arg(dps->name, Setup::allocationPolicyName(dps->allocationPolicy)));
        m_current->setVisible(true);
    } else {
        m_current->clear();
        m_current->setVisible(false);
    }
    const QString policy = plan().allocationPolicy;
    if (policy == QLatin1String("GeoLatency"))
        m_geoLatency->setChecked(true);
    else if (policy == QLatin1String("Static"))
        m_static->setChecked(true);
    else
        m_hashed->setChecked(true);
}

bool PolicyPage::validatePage()
{
    plan().allocationPolicy = m_geoLatency->isChecked() ? QStringLiteral("GeoLatency")
                              : m_static->isChecked()   ? QStringLiteral("Static")
                                                        : QStringLiteral("Hashed");
    return true;
}

} // namespace Dps::Ui
